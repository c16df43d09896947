// The one list of IPC commands: `module::function` under src-tauri/src/commands/.
//
// `with_commands!(m)` hands the list to macro `m`. lib.rs makes the invoke handler from it,
// build.rs the command names Tauri turns into `allow-…` permissions, and
// tests/commands_declared_once.rs checks that ui/src/api.ts and the capability
// (src-tauri/capabilities/main.json) name exactly these. Adding a command: write its
// function, add it here, grant `allow-<name>` in the capability and call it from api.ts.
//
// This file is `include!`d by build.rs as well as the app, so it holds the macro only.
macro_rules! with_commands {
    ($then:ident) => {
        $then! {
            info::store_info,
            plan::get_summary,
            plan::list_actions,
            plan::show_action,
            plan::update_action,
            plan::save_action,
            plan::add_action,
            plan::add_update,
            plan::delete_action,
            plan::restore_action,
            plan::list_bin,
            plan::action_history,
            plan::burn_up,
            overdue::record_review,
            overdue::latest_reviews,
            overdue::update_actions,
            reports::set_next_inspection,
            reports::set_plan_deadline,
            evidence::add_evidence_file,
            evidence::add_evidence_link,
            evidence::open_evidence,
            evidence::set_evidence_summary,
            export::export_plan,
            export::export_preview,
            import::preview_import,
            import::create_plan,
            import::load_samples,
            settings::get_settings,
            settings::set_setting,
            settings::set_settings,
            settings::data_folder,
            settings::list_backups,
            settings::make_backup,
            settings::restore_backup,
            settings::restore_over_damaged,
            timeline::previous_plans,
            timeline::decide_previous,
            timeline::close_plan,
            timeline::suggest_repeats,
            timeline::repeat_links,
            timeline::decide_repeat,
            team::team_status,
            team::team_permissions,
            team::team_connect,
            team::team_sync,
            team::team_disconnect,
            team::action_notices,
        }
    };
}
