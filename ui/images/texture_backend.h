#pragma once
// Where image textures come from: OpenGL in the app (gl_texture_backend.h), a fake in headless tests, so the
// texture cache can be tested without a GPU.
#include <imgui.h>

namespace gw::ui {

class TextureBackend {
public:
    virtual ~TextureBackend() = default;
    // Uploads `width` x `height` pixels of RGBA, 8 bits a channel, rows top to bottom; returns the id ImGui draws
    // with (ImDrawList::AddImage), or null when the GPU refused it (the image then shows its alt text).
    virtual ImTextureID create(const unsigned char* rgba, int width, int height) = 0;
    // Frees a texture create() returned. Called on the UI thread only, like create().
    virtual void destroy(ImTextureID id) = 0;
};

}  // namespace gw::ui
