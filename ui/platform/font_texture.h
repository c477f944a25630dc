#pragma once
// The font atlas on the GPU as one channel of coverage (GL_R8) that the sampler reads as white with that coverage as
// alpha (texture swizzle, OpenGL 3.3). Dear ImGui's OpenGL3 backend uploads RGBA32 instead: four times the bytes in
// the process (its conversion buffer) and in a software driver's copy of the texture, for the same picture.
#include <imgui.h>

namespace gw::ui {

// Creates the OpenGL3 backend's shaders and buffers without its font texture, so it never asks the atlas for RGBA32
// pixels. Call once, after ImGui_ImplOpenGL3_Init and before the first ImGui_ImplOpenGL3_NewFrame. (The backend
// builds its font texture with its device objects; it is given a 1x1 stand-in atlas for that moment, and the
// stand-in's texture is deleted at once.)
void create_gl_device_objects_without_font_texture();

// Uploads `atlas`'s Alpha8 pixels (built by rasterise_atlas; built here if not yet) as a GL_R8 texture and sets the
// atlas's TexID to it, then frees the atlas's CPU pixels (ClearTexData: ImGui needs only the glyph tables after a
// build). Returns false, with the atlas's TexID at 0, if OpenGL refused the texture (text is then not drawn).
bool upload_font_texture(ImFontAtlas& atlas);

// Deletes the texture `atlas`'s TexID names (one made by upload_font_texture) and sets the TexID to 0.
void release_font_texture(ImFontAtlas& atlas);

}  // namespace gw::ui
