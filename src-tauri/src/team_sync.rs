//! The background sync of a connected desktop: a thread with a connection of its own to
//! the database and one to the server that waits for the server's "something changed"
//! notice (LISTEN/NOTIFY), pulls, and tells the window (`team-changed`) so screens refresh.
//! Changes made here go up within a second (the outbox is looked at once a second, a
//! local query). Started at start-up only for a connected database (one read-only query
//! decides), and by Settings → Team on connecting; it ends on disconnect. A desktop never
//! connected runs nothing of it.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use inspection_tracker::store::team as local;
use inspection_tracker::store::Store;
use inspection_tracker::team::{self, Listener};
use tauri::{Emitter, Runtime};

/// The event the window listens for; its payload is the sync's counts.
pub const EVENT: &str = "team-changed";

/// One background sync at a time.
static RUNNING: AtomicBool = AtomicBool::new(false);

/// Start the background sync if the database is connected and it is not running yet.
pub fn start<R: Runtime>(app: tauri::AppHandle<R>, db: PathBuf) {
    if !local::file_is_connected(&db) || RUNNING.swap(true, Ordering::SeqCst) {
        return;
    }
    let spawned = std::thread::Builder::new()
        .name("team sync".into())
        .spawn(move || {
            run(&app, &db);
            RUNNING.store(false, Ordering::SeqCst);
        });
    if spawned.is_err() {
        RUNNING.store(false, Ordering::SeqCst);
    }
}

fn run<R: Runtime>(app: &tauri::AppHandle<R>, db: &std::path::Path) {
    loop {
        let Ok(mut store) = Store::open(db) else {
            return;
        };
        if !team::is_connected(&store).unwrap_or(false) {
            return; // disconnected
        }
        let mut listener = match Listener::open(&store) {
            Ok(l) => l,
            Err(_) => {
                let _ = app.emit(EVENT, ());
                std::thread::sleep(Duration::from_secs(10));
                continue;
            }
        };
        let _ = sync(app, &mut store);
        loop {
            let notified = match listener.wait(Duration::from_secs(1)) {
                Ok(n) => n,
                Err(_) => break, // the server went: reconnect after a pause
            };
            let state = local::get_state(store.conn()).ok().flatten();
            let Some(state) = state else { break };
            let pending = local::counts(store.conn(), &state.user_name).map_or(0, |c| c.0);
            if (notified || pending > 0) && sync(app, &mut store).is_err() {
                break;
            }
        }
        let _ = app.emit(EVENT, ());
        std::thread::sleep(Duration::from_secs(5));
    }
}

fn sync<R: Runtime>(
    app: &tauri::AppHandle<R>,
    store: &mut Store,
) -> inspection_tracker::Result<()> {
    let r = team::sync(store)?;
    if r.pushed + r.pulled + r.refused > 0 {
        let _ = app.emit(EVENT, r);
    }
    Ok(())
}
