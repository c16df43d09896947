// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    inspection_action_tracker_app::platform::prepare();
    inspection_action_tracker_app::run();
}
