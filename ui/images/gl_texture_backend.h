#pragma once
// Image textures in OpenGL, for the renderer imgui_impl_opengl3 (it draws an ImTextureID as a GL texture name).
#include "ui/images/texture_backend.h"

namespace gw::ui {

class GlTextureBackend final : public TextureBackend {
public:
    // Needs the window's GL context current on the calling thread (the UI thread).
    ImTextureID create(const unsigned char* rgba, int width, int height) override;
    void destroy(ImTextureID id) override;
};

}  // namespace gw::ui
