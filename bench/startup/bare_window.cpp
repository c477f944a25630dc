// The floor for the startup, memory and per-frame budgets: a bare GLFW + Dear ImGui window that loads one DejaVu face
// through FreeType (as the app does, with its glyph set: Basic Latin and Latin-1) and draws a page of wrapped text
// about the size of the longest shipped module. What groundwork costs beyond this is the app's own.
//   groundwork_bare_window               draws one frame, prints "first frame N ms", exits (bench/startup/run.sh)
//   groundwork_bare_window --stay        stays open and redraws the whole page once per window-system event, no
//                                        more (bench/interaction/run.sh): prints "frame N rendered N drawn" per frame
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <imgui_freetype.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

namespace {

// About 5 KB of prose in 14 paragraphs, like the longest module of the shipped chapter.
std::string page_text() {
    const char* sentences[] = {
        "Account growth starts with the accounts you already have: the people who buy, the people who use what "
        "they bought, and the people who decide whether the budget stays. ",
        "Map every stakeholder, how strong the relationship is and what value each of them sees in the work. ",
        "A single strong relationship is a risk, not a strength: when that person leaves, the account leaves with "
        "them. ",
        "Review the health signals weekly and write down what changed, so a yellow account is noticed before it "
        "turns red. ",
    };
    std::string text;
    for (int paragraph = 0; paragraph < 14; ++paragraph) {
        for (int s = 0; s < 3; ++s) text += sentences[(paragraph + s) % 4];
        text += "\n\n";
    }
    return text;
}

void draw_page(const std::string& text) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::Begin("page", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
    ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::End();
}

}  // namespace

int main(int argc, char** argv) {
    const auto start = std::chrono::steady_clock::now();
    const bool stay = argc > 1 && std::strcmp(argv[1], "--stay") == 0;
    if (!glfwInit()) return 3;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    GLFWwindow* window = glfwCreateWindow(1280, 800, "bare", nullptr, nullptr);
    if (!window) return 3;
    glfwMakeContextCurrent(window);
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    ImFontConfig cfg;
    cfg.OversampleH = cfg.OversampleV = 1;
    cfg.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    if (!io.Fonts->AddFontFromFileTTF(GROUNDWORK_FONT_DIR "/DejaVuSans.ttf", 17.0f, &cfg))
        std::fprintf(stderr, "bare window: DejaVuSans.ttf not found, using the built-in font\n");
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    const std::string text = page_text();
    unsigned long long frames = 0;
    glfwPollEvents();
    while (!glfwWindowShouldClose(window)) {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        draw_page(text);
        ImGui::Render();
        int w, h;
        glfwGetFramebufferSize(window, &w, &h);
        glViewport(0, 0, w, h);
        glClearColor(1, 1, 1, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glfwSwapBuffers(window);
        ++frames;
        if (!stay) {
            glFinish();
            const double ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            std::printf("first frame %.1f ms\n", ms);
            break;
        }
        std::fprintf(stderr, "frame %llu rendered %llu drawn\n", frames, frames);
        glfwWaitEvents();  // one full redraw per event: the cost of a frame, with no policy on top
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwTerminate();
    return 0;
}
