#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>

int main(int argc, char** argv) {
    // The optional modules (runtime/platform/optional_module.h) are found next to the executable; a test program is
    // not next to them, so it points there, unless the caller chose a folder.
    setenv("GROUNDWORK_MODULE_DIR", GROUNDWORK_TEST_MODULE_DIR, 0);
    doctest::Context context(argc, argv);
    return context.run();
}
