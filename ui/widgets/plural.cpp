#include "ui/widgets/plural.h"

namespace gw::ui {

std::string count_of(long long n, const char* singular, const char* plural) {
    return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

}  // namespace gw::ui
