#include "ui/platform/screenshot.h"

#include <GL/gl.h>
#include <stb_image_write.h>

#include <vector>

namespace gw::ui {

bool write_back_buffer_png(const std::string& path, int width, int height, std::string* error) {
    std::vector<unsigned char> pixels(std::size_t(width) * std::size_t(height) * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    stbi_flip_vertically_on_write(1);  // OpenGL's rows run bottom-up
    // stb's default (8) spent a third of a --screenshot run's CPU compressing; 3 costs a little file size.
    stbi_write_png_compression_level = 3;
    if (!stbi_write_png(path.c_str(), width, height, 3, pixels.data(), width * 3)) {
        if (error) *error = "cannot write " + path;
        return false;
    }
    return true;
}

}  // namespace gw::ui
