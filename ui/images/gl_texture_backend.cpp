#include "ui/images/gl_texture_backend.h"

#include <GL/gl.h>

#include <cstdint>

namespace gw::ui {

ImTextureID GlTextureBackend::create(const unsigned char* rgba, int width, int height) {
    for (int i = 0; i < 16 && glGetError() != GL_NO_ERROR; ++i) {
    }  // errors left by others must not be read as ours
    GLuint id = 0;
    glGenTextures(1, &id);
    if (id == 0) return nullptr;
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);  // the ImGui backend expects its own binding back
    glBindTexture(GL_TEXTURE_2D, id);
    // Linear filtering: images are drawn scaled to the column (down, or up to 2x).
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    const bool ok = glGetError() == GL_NO_ERROR;
    glBindTexture(GL_TEXTURE_2D, GLuint(previous));
    if (!ok) {
        glDeleteTextures(1, &id);
        return nullptr;
    }
    return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(id));
}

void GlTextureBackend::destroy(ImTextureID id) {
    GLuint name = GLuint(reinterpret_cast<std::uintptr_t>(id));
    glDeleteTextures(1, &name);
}

}  // namespace gw::ui
