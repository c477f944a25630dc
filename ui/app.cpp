// The window's life: GLFW and OpenGL set-up, the event-driven frame loop, screenshots, shutdown.
#include "ui/app.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <memory>
#include <future>
#include <optional>
#include <thread>
#include <vector>

#include "progress/profile_store.h"
#include "progress/work_session.h"
#include "runtime/course/content_watcher.h"
#include "runtime/text/glyph_coverage.h"
#include "ui/platform/desktop_theme.h"
#include "ui/atlas_cache.h"
#include "ui/platform/display_loss.h"
#include "ui/platform/event_waker.h"
#include "runtime/xapi/learning_records.h"
#include "runtime/artifacts/money.h"
#include "ui/font_rebuild.h"
#include "ui/fonts.h"
#include "ui/platform/font_texture.h"
#include "ui/platform/frame_pacer.h"
#include "ui/images/image_cache.h"
#include "ui/input/glfw_key_input.h"
#include "ui/platform/quit_signals.h"
#include "ui/reader_app.h"
#include "ui/platform/screenshot.h"
#include "ui/theme.h"
#include "ui/platform/view_settings.h"
#include "ui/platform/window_geometry.h"

namespace gw::ui {

namespace {

// Why the loop woke (FrameReason bits). GLFW calls back on the main thread from glfwPollEvents/glfwWaitEvents;
// each watcher notes the event and passes it on to the callback it replaced (Dear ImGui's, the key queue's).
unsigned g_events = 0;
bool g_key_waits = false;  // a key event came that needs no frame of its own
struct {
    GLFWkeyfun key;
    GLFWcharfun character;
    GLFWmousebuttonfun button;
    GLFWscrollfun scroll;
    GLFWcursorposfun cursor;
    GLFWcursorenterfun enter;
    GLFWwindowfocusfun focus;
    GLFWframebuffersizefun framebuffer;
} g_next;

// Call after ImGui_ImplGlfw_InitForOpenGL and install_key_input, so their callbacks are the ones passed on to.
void watch_events(GLFWwindow* window) {
    g_next.key = glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int scancode, int action, int mods) {
        if (g_next.key) g_next.key(w, key, scancode, action, mods);
        // A key's release, or a modifier alone, waits in the key queue for the next frame (KeyEventQueue::needs_frame).
        if (key_input_needs_frame()) g_events |= kFrameInput;
        else g_key_waits = true;
    });
    g_next.character = glfwSetCharCallback(window, [](GLFWwindow* w, unsigned int c) {
        g_events |= kFrameInput;
        if (g_next.character) g_next.character(w, c);
    });
    g_next.button = glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int button, int action, int mods) {
        g_events |= kFrameInput;
        if (g_next.button) g_next.button(w, button, action, mods);
    });
    g_next.scroll = glfwSetScrollCallback(window, [](GLFWwindow* w, double x, double y) {
        g_events |= kFrameInput;
        if (g_next.scroll) g_next.scroll(w, x, y);
    });
    g_next.cursor = glfwSetCursorPosCallback(window, [](GLFWwindow* w, double x, double y) {
        g_events |= kFrameInput;  // hover: ImGui's 1.86 backend reads the position itself each frame
        if (g_next.cursor) g_next.cursor(w, x, y);
    });
    g_next.enter = glfwSetCursorEnterCallback(window, [](GLFWwindow* w, int entered) {
        g_events |= kFrameInput;
        if (g_next.enter) g_next.enter(w, entered);
    });
    g_next.focus = glfwSetWindowFocusCallback(window, [](GLFWwindow* w, int focused) {
        g_events |= kFrameInput;
        if (g_next.focus) g_next.focus(w, focused);
    });
    g_next.framebuffer = glfwSetFramebufferSizeCallback(window, [](GLFWwindow* w, int width, int height) {
        g_events |= kFrameExposed;
        if (g_next.framebuffer) g_next.framebuffer(w, width, height);
    });
    // The window system lost the picture (uncovered, un-minimised): draw it again even though nothing changed.
    glfwSetWindowRefreshCallback(window, [](GLFWwindow*) { g_events |= kFrameExposed; });
}

void glfw_error(int code, const char* description) {
    std::fprintf(stderr, "groundwork: GLFW error %d: %s\n", code, description);
}

WindowGeometry current_geometry(GLFWwindow* w) {
    WindowGeometry g;
    g.maximized = glfwGetWindowAttrib(w, GLFW_MAXIMIZED) == GLFW_TRUE;
    glfwGetWindowPos(w, &g.x, &g.y);
    glfwGetWindowSize(w, &g.width, &g.height);
    g.has_position = true;
    return g;
}

// The work areas of the connected monitors, the primary one first (GLFW's order).
std::vector<WorkArea> monitor_work_areas() {
    std::vector<WorkArea> areas;
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    for (int i = 0; i < count; ++i) {
        WorkArea a;
        glfwGetMonitorWorkarea(monitors[i], &a.x, &a.y, &a.width, &a.height);
        areas.push_back(a);
    }
    return areas;
}

}  // namespace

int run_app(const AppOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    // Other threads wake the event loop only through the waker, which stops before glfwTerminate: a callback
    // that outlives the window (the profile writer's last status change at shutdown) then posts nothing.
    EventWaker waker;
    glfwSetErrorCallback(glfw_error);
    // Before the first thread: Xlib parses the locale's Compose table (5,700 lines) a character at a time with
    // getc, which glibc does without locking only while the process has one thread (half the cost of glfwInit).
    if (!glfwInit()) {
        std::fprintf(stderr, "groundwork: cannot open a window (no display?). Try `groundwork check DIR` "
                             "for the command-line checker.\n");
        return kExitNoWindow;
    }
    QuitSignals quit_signals([&waker] { waker.wake(); });
    waker.start();
    // The font atlas (FreeType rasterising every face) takes as long as opening the window does: build it on
    // another thread meanwhile. The monitor's scale stands in for the window's, which does not exist yet.
    float scale = 1.0f;
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
        float sx = 1, sy = 1;
        glfwGetMonitorContentScale(monitor, &sx, &sy);
        if (sx > 0.5f) scale = std::max(1.0f, sx);  // below 1 the layout would stay at 1x with smaller text
    }
    const std::filesystem::path profile_data_dir =
        options.data_dir.empty() ? ProfileStore::default_data_dir() : std::filesystem::path(options.data_dir);
    // The learner's theme and text size; the desktop's light/dark preference is asked meanwhile (a bus round trip).
    const std::filesystem::path settings_file = profile_data_dir / "settings.json";
    std::string settings_problem;
    ViewSettings view_settings = load_view_settings(settings_file, &settings_problem);
    if (!settings_problem.empty()) std::fprintf(stderr, "groundwork: %s\n", settings_problem.c_str());
    ViewSettings shown_settings = view_settings;  // with this run's --theme and --text-size, which are not saved
    if (!options.theme.empty()) shown_settings.theme = parse_theme(options.theme);
    if (options.text_zoom > 0) shown_settings.text_zoom = options.text_zoom;
    // A screenshot does not depend on the desktop it is taken on: light unless --theme or settings.json say.
    std::future<std::optional<Theme>> desktop_theme =
        options.screenshot.empty() ? std::async(std::launch::async, desktop_theme_preference)
                                   : std::async(std::launch::deferred, [] { return std::optional<Theme>(); });
    auto atlas = std::make_unique<ImFontAtlas>();
    Fonts fonts;
    std::string font_problem;
    std::vector<char32_t> used;  // what the first atlas holds; the rebuilder adds to it
    const AtlasCache atlas_cache(AtlasCache::default_dir());  // a start like the last one skips FreeType
    std::thread font_builder([&] {
        // The atlas holds the characters the course draws and the learner's saved work uses (a read of their
        // files before either is loaded properly): every face draws them, and CJK glyphs are added only when the
        // text has some. Characters that arrive later (typed, pasted, a course file edited) come with a rebuild.
        collect_course_code_points(options.content_dir, used);
        collect_file_code_points((profile_data_dir / "profiles" / (options.profile + ".json")).string(),
                                 64u << 20, used);
        fonts = load_fonts(atlas.get(), GROUNDWORK_FONT_DIR, scale, &font_problem, used, shown_settings.text_zoom,
                           FontFileReads::WhenBuilt);
        build_font_atlas(*atlas, fonts, scale, atlas_cache, &font_problem);
        atlas->ClearInputData();  // the font files read for rasterising (one buffer each; none on a cache hit)
    });
    struct Join {  // every return below waits for the builder first
        std::thread& t;
        ~Join() {
            if (t.joinable()) t.join();
        }
    } join_font_builder{font_builder};
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    const bool screenshot_mode = !options.screenshot.empty();
    if (screenshot_mode) glfwWindowHint(GLFW_FOCUSED, GLFW_FALSE);
    std::filesystem::path data_dir =
        options.data_dir.empty() ? ProfileStore::default_data_dir() : std::filesystem::path(options.data_dir);
    const std::filesystem::path geometry_file = data_dir / "window.json";
    std::string geometry_problem;
    WindowGeometry geometry = load_window_geometry(geometry_file, &geometry_problem);
    if (!geometry_problem.empty()) std::fprintf(stderr, "groundwork: %s\n", geometry_problem.c_str());
    if (options.width > 0) geometry = WindowGeometry{-1, -1, options.width, options.height, false, false};
    geometry = place_window(geometry, monitor_work_areas());  // its monitor may be unplugged since
    if (geometry.maximized && !screenshot_mode) glfwWindowHint(GLFW_MAXIMIZED, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(geometry.width, geometry.height, "Groundwork", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "groundwork: cannot create an OpenGL 3.3 window.\n");
        waker.stop();
        glfwTerminate();
        return kExitNoWindow;
    }
    if (geometry.has_position) glfwSetWindowPos(window, geometry.x, geometry.y);
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    font_builder.join();
    ImGui::CreateContext(atlas.get());
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // window geometry is ours to keep, ImGui's layout file is not needed
    io.ConfigInputTextCursorBlink = false;  // blinking would wake an idle app twice a second
    apply_style(ImGui::GetStyle());
    if (!font_problem.empty()) std::fprintf(stderr, "groundwork: %s\n", font_problem.c_str());
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    install_key_input(window);  // keys queued per event and named after the learner's layout
    ImGui_ImplOpenGL3_Init("#version 330 core");
    create_gl_device_objects_without_font_texture();
    if (!upload_font_texture(*atlas))
        std::fprintf(stderr, "groundwork: OpenGL refused the font texture; text may not show\n");
    // New characters: a new atlas built on a worker, swapped in between frames (ui/font_rebuild.h). Only when the
    // fonts came from files: the built-in fallback font cannot be rebuilt with more glyphs.
    std::optional<FontRebuilder> font_rebuilder;
    std::optional<ClipboardWatch> clipboard_watch;
    if (fonts.loaded_from_files) {
        font_rebuilder.emplace(GROUNDWORK_FONT_DIR, scale, used, [&waker] { waker.wake(); }, shown_settings.text_zoom,
                               AtlasCache::default_dir());
        clipboard_watch.emplace(io, *font_rebuilder);
    }

    // The learner's work: opened before the first frame so the app can resume where they left off.
    ProfileStore::Options store_options;
    store_options.on_status_change = [&waker] { waker.wake(); };  // a finished save repaints the status line
    auto session =
        std::make_unique<WorkSession>(std::make_unique<ProfileStore>(data_dir, options.profile, store_options));
    const OpenReport opened = session->open();
    // The X server going away is a quit without a window: the same last-chance save as SIGTERM (WorkSession's
    // destructor hands over what is unsaved, ProfileStore's tries once more and then rescues it), then exit.
    std::optional<DisplayLoss> display_loss;
    display_loss.emplace([&session] {
        const bool saved = session->flush(4000);
        session.reset();
        return saved;
    });

    ReaderApp app(options, fonts, session.get());
    app.set_view_settings(shown_settings, desktop_theme.get());
    // HiDPI: the window's own content scale, known now, replaces the monitor's guess; moving to a monitor with
    // another scale rebuilds the faces for it.
    float content_scale = scale;
    {
        float sx = 1, sy = 1;
        glfwGetWindowContentScale(window, &sx, &sy);
        sx = std::max(1.0f, sx);
        if (sx != scale && font_rebuilder) {
            content_scale = sx;
            font_rebuilder->set_sizes(content_scale, shown_settings.text_zoom);
        }
    }
    if (!opened.message.empty()) {
        std::fprintf(stderr, "groundwork: %s\n", opened.message.c_str());
        app.show_notice(opened.outcome == OpenOutcome::NewerReadOnly || opened.outcome == OpenOutcome::LockedReadOnly
                            ? "Your work is open read-only"
                            : "Your saved work needed attention",
                        opened.message);
    }
    if (!options.course_notice.empty() && opened.message.empty()) app.show_notice("Your last course", options.course_notice);
    app.load_content();
    glfwSetWindowTitle(window, app.window_title().c_str());
    // Learning records (xAPI): recorded and sent only by a process that writes the profile, since the outbox has
    // one writer; a screenshot or a read-only profile shows the settings and sends nothing.
    std::optional<xapi::LearningRecords> records;
    records.emplace(data_dir, options.profile, app.course(), std::string("Groundwork ") + GROUNDWORK_VERSION,
                    [&waker] { waker.wake(); }, !session->store().read_only() && !screenshot_mode);
    app.set_learning_records(&*records);
    // The folder shown: --content, or the course the Library page opened (then the watcher follows it).
    std::string watched_dir = app.content_dir();
    std::optional<ContentWatcher> watcher;
    watcher.emplace(watched_dir, [&waker] { waker.wake(); });
    // A finished image decode wakes an idle window so the picture replaces its placeholder without waiting for input.
    ImageCache& images = app_image_cache();
    images.set_wake([&waker] { waker.wake(); });

    // Idle means idle: the pacer (ui/platform/frame_pacer.h) builds a frame only for a reason and renders only a changed one.
    bool settings_unsaved = false;
    auto settings_changed_at = std::chrono::steady_clock::now();
    constexpr auto kSettingsStill = std::chrono::milliseconds(500);
    auto save_settings = [&] {
        std::string error;
        if (!save_view_settings(settings_file, view_settings, &error))
            std::fprintf(stderr, "groundwork: display settings not saved: %s\n", error.c_str());
        settings_unsaved = false;
    };
    FramePacer pacer;
    watch_events(window);
    const bool timing = std::getenv("GROUNDWORK_TIMING") != nullptr;  // one line per frame, for bench/interaction
    int screenshot_frames_left = 30;
    std::string noted_currency;  // a picture that never settles is still written
    int noted_library = 0;       // the Library page's text, noted for the atlas once per read
    int exit_code = kExitOk;
    bool had_focus = true;
    while (!glfwWindowShouldClose(window)) {
        g_events = 0;
        g_key_waits = false;
        if (!pacer.frame_due() && !screenshot_mode) {
            const unsigned long wakes_before = waker.wakes();
            // Sleep until input, or until the autosave or the status line is due: idle means no CPU.
            Millis wait = session->ms_until_next_tick();
            if (settings_unsaved) {  // wake to write the display settings once they have been still long enough
                const Millis still = Millis(std::chrono::duration_cast<std::chrono::milliseconds>(
                    kSettingsStill - (std::chrono::steady_clock::now() - settings_changed_at)).count());
                wait = wait < 0 ? std::max<Millis>(still, 0) : std::min(wait, std::max<Millis>(still, 0));
            }
            if (wait < 0) glfwWaitEvents();
            else glfwWaitEventsTimeout(static_cast<double>(wait) / 1000.0 + 0.005);
            // Woken by nothing but a key that needs no frame (a release, a modifier) and no other thread: no frame.
            if (g_events == 0 && g_key_waits && waker.wakes() == wakes_before) continue;
            if (g_events == 0) g_events = kFrameTimer;  // a timeout, or another thread's wake (save done, file changed)
        } else {
            glfwPollEvents();
        }
        pacer.request(g_events);
        if (DisplayLoss::lost()) DisplayLoss::finish();  // noticed on another thread; the main thread saves
        if (quit_signals.requested() || app.quit_requested()) glfwSetWindowShouldClose(window, GLFW_TRUE);
        const bool has_focus = glfwGetWindowAttrib(window, GLFW_FOCUSED) == GLFW_TRUE;
        if (had_focus && !has_focus) session->save_now();  // switching away is a natural pause: write now
        had_focus = has_focus;
        // A currency whose symbol is written with letters (zł, kr, Kč): its letters join the atlas when it is chosen.
        if (font_rebuilder && session->profile().currency != noted_currency) {
            noted_currency = session->profile().currency;
            font_rebuilder->note_text(currency_for(noted_currency).symbol);
        }
        if (app.take_view_settings_change()) {
            // Only what the learner changed is saved: this run's --theme or --text-size stays out of the file
            // unless they changed that very setting.
            const ViewSettings& now = app.view_settings();
            if (now.theme != shown_settings.theme) view_settings.theme = now.theme;
            if (now.text_zoom != shown_settings.text_zoom) view_settings.text_zoom = now.text_zoom;
            shown_settings = now;
            settings_unsaved = !screenshot_mode;
            settings_changed_at = std::chrono::steady_clock::now();
            if (font_rebuilder) font_rebuilder->set_sizes(content_scale, now.text_zoom);
        }
        // A spun wheel changes the size many times a second: the file is written once it has been still for half
        // a second (checked whenever the loop runs), and at quit.
        if (settings_unsaved && std::chrono::steady_clock::now() - settings_changed_at >= kSettingsStill) save_settings();
        {
            float sx = 1, sy = 1;
            glfwGetWindowContentScale(window, &sx, &sy);
            sx = std::max(1.0f, sx);
            if (sx != content_scale && font_rebuilder) {
                content_scale = sx;
                font_rebuilder->set_sizes(content_scale, app.view_settings().text_zoom);
            }
        }
        if (watcher->take_change()) {
            app.load_content();
            glfwSetWindowTitle(window, app.window_title().c_str());
            if (font_rebuilder) font_rebuilder->note_course(watched_dir);  // an edit may bring new letters
        }

        // Between frames, nothing of ImGui's refers to the atlas: a rebuilt one goes in here, and the faces keep
        // their addresses (only their glyphs change), so no ImFont* held anywhere goes stale.
        if (font_rebuilder)
            if (std::unique_ptr<ImFontAtlas> old = font_rebuilder->take_rebuilt(*atlas, fonts)) {
                release_font_texture(*atlas);  // the old atlas's texture
                atlas.swap(old);
                io.Fonts = atlas.get();
                if (!upload_font_texture(*atlas))  // the pixels the worker rasterised
                    std::fprintf(stderr, "groundwork: OpenGL refused the font texture; text may not show\n");
                old.reset();
                pacer.request(kFrameExposed);  // the same text, now drawn with its glyphs
            }
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        if (screenshot_mode) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // no hover or tooltip where the pointer happens to be
        // HiDPI: views lay out in logical px, the faces' size (fonts.scale, the density they were rasterised at)
        // maps them to the framebuffer. Following the faces, not the monitor, keeps text and layout in step while
        // a rebuild for a new monitor's scale is on its way.
        if (fonts.loaded_from_files && fonts.scale > 1.0f) {
            const float s = fonts.scale;
            const ImVec2 framebuffer(io.DisplaySize.x * io.DisplayFramebufferScale.x,
                                     io.DisplaySize.y * io.DisplayFramebufferScale.y);
            const ImVec2 before = io.DisplaySize;  // window units: pixels on X11, already logical on Wayland
            io.DisplaySize = ImVec2(framebuffer.x / s, framebuffer.y / s);
            io.DisplayFramebufferScale = ImVec2(s, s);
            // The pointer is in window units too: scaled by what the display size changed by (1 where the system
            // already gave logical units), not by s.
            if (io.MousePos.x > -FLT_MAX / 2 && before.x > 0 && before.y > 0)
                io.MousePos = ImVec2(io.MousePos.x * io.DisplaySize.x / before.x, io.MousePos.y * io.DisplaySize.y / before.y);
        }
        const bool more_keys = apply_key_input(io);  // this frame's share of the queued key events
        if (font_rebuilder) font_rebuilder->note_input(io);  // typed characters the atlas may not hold yet
        ImGui::NewFrame();
        app.frame();
        ImGui::Render();
        // Other courses' titles and descriptions on the Library page may use letters this course does not.
        if (font_rebuilder && app.library_revision() != noted_library) {
            noted_library = app.library_revision();
            font_rebuilder->note_text(app.library_text());
        }
        if (app.content_dir() != watched_dir) {  // another course was opened from the Library page
            watched_dir = app.content_dir();
            watcher.reset();
            watcher.emplace(watched_dir, [&waker] { waker.wake(); });
            glfwSetWindowTitle(window, app.window_title().c_str());
            if (font_rebuilder) font_rebuilder->note_course(watched_dir);  // its titles and text may bring new letters
            pacer.request(kFrameAppMoving);
        }
        ImDrawData* draw_data = ImGui::GetDrawData();
        unsigned next = 0;
        if (more_keys) next |= kFrameQueuedKeys;  // the rest of a burst: next frame at once
        if (app.wants_another_frame()) next |= kFrameAppMoving;
        if (imgui_layout_pending(*ImGui::GetCurrentContext())) next |= kFrameImGuiLayout;
        if (screenshot_mode && images.decoding()) {  // the picture is not settled until its images are in
            images.finish_decodes();
            next |= kFrameAppMoving;
        }
        const unsigned why = pacer.pending();
        // The same picture as the one on screen costs no glClear, no draw and no swap (tens of ms on llvmpipe).
        bool render = pacer.built(draw_data_digest(*draw_data), next) || options.quit_after_first_frame;
        // A screenshot is the settled picture: frames are built (not drawn) until the pacer has nothing left to
        // settle, then that one is drawn once and read back (the old loop drew four).
        if (screenshot_mode) render = !pacer.frame_due() || --screenshot_frames_left == 0;
        if (timing)
            std::fprintf(stderr, "frame %llu rendered %llu why 0x%x%s\n",
                         static_cast<unsigned long long>(pacer.frames_built()),
                         static_cast<unsigned long long>(pacer.frames_rendered()), why, render ? " drawn" : "");
        if (!render) continue;
        int fb_w, fb_h;
        glfwGetFramebufferSize(window, &fb_w, &fb_h);
        glViewport(0, 0, fb_w, fb_h);
        ImVec4 bg = to_vec4(palette().page);
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(draw_data);
        if (screenshot_mode) {
            std::string error;
            if (!write_back_buffer_png(options.screenshot, fb_w, fb_h, &error)) {
                std::fprintf(stderr, "groundwork: %s\n", error.c_str());
                exit_code = kExitContentErrors;
            }
            break;
        }
        glfwSwapBuffers(window);
        if (options.quit_after_first_frame) {
            glFinish();
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
            std::fprintf(stderr, "first frame %.1f ms\n", ms);
            break;
        }
    }

    // What waits for a page to be left (writing, artifact updates) is recorded before the sender stops; statements
    // not yet sent stay in the outbox for the next start.
    if (records) {
        records->flush(session->profile(), now_millis());
        app.set_learning_records(nullptr);
        records.reset();
    }
    if (!session->flush(4000) && session->status().state == SaveState::Failed)
        std::fprintf(stderr, "groundwork: your last changes could not be saved yet (%s); retrying once more\n",
                     session->status().error.c_str());
    if (settings_unsaved) save_settings();
    if (!screenshot_mode) {
        std::string error;
        if (!save_window_geometry(geometry_file, current_geometry(window), &error))
            std::fprintf(stderr, "groundwork: window position not saved: %s\n", error.c_str());
    }
    // In order: nothing may post GLFW events or touch the display once glfwTerminate has run, and no decode may
    // still hold the waker when it goes out of scope.
    images.finish_decodes();
    images.set_wake({});
    waker.stop();
    display_loss.reset();
    clipboard_watch.reset();  // gives the backend its clipboard functions back while the context exists
    font_rebuilder.reset();   // waits for a build under way; its result is dropped
    release_font_texture(*io.Fonts);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}

}  // namespace gw::ui
