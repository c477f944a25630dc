#include "ui/platform/font_texture.h"

#include <GL/gl.h>
#include <GL/glext.h>
#include <backends/imgui_impl_opengl3.h>

#include <cstdint>

namespace gw::ui {

void create_gl_device_objects_without_font_texture() {
    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas stand_in;  // already "built": GetTexDataAsRGBA32 returns these 4 bytes as they are
    stand_in.TexPixelsRGBA32 = static_cast<unsigned int*>(IM_ALLOC(4));
    *stand_in.TexPixelsRGBA32 = 0xFFFFFFFFu;
    stand_in.TexWidth = stand_in.TexHeight = 1;
    ImFontAtlas* real = io.Fonts;
    io.Fonts = &stand_in;
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    ImGui_ImplOpenGL3_DestroyFontsTexture();  // the stand-in's 1x1 texture; the backend's own handle is now 0
    io.Fonts = real;
}

bool upload_font_texture(ImFontAtlas& atlas) {
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    for (int i = 0; i < 16 && glGetError() != GL_NO_ERROR; ++i) {
    }  // errors left by others must not be read as ours
    GLuint id = 0;
    glGenTextures(1, &id);
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);  // the backend expects its own binding back
    glBindTexture(GL_TEXTURE_2D, id);
    // Linear, as the backend's own font texture: HiDPI draws the glyphs at a fraction of a texel.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    const GLint white_with_coverage_as_alpha[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, white_with_coverage_as_alpha);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);  // rows of any width
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    const bool ok = id != 0 && glGetError() == GL_NO_ERROR;
    glBindTexture(GL_TEXTURE_2D, GLuint(previous));
    if (!ok) {
        if (id != 0) glDeleteTextures(1, &id);
        atlas.SetTexID(nullptr);
        return false;
    }
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(id)));
    atlas.ClearTexData();
    return true;
}

void release_font_texture(ImFontAtlas& atlas) {
    const GLuint id = GLuint(reinterpret_cast<std::uintptr_t>(atlas.TexID));
    if (id != 0) glDeleteTextures(1, &id);
    atlas.SetTexID(nullptr);
}

}  // namespace gw::ui
