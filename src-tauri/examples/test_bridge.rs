//! The browser tests' bridge: the app's real commands, on Tauri's mock runtime and a
//! database of their own, answered over HTTP so the built UI in headless Chromium talks to
//! the real core instead of a copy of it in JavaScript (ui/tests/bridge.mjs starts it).
//!
//! `test-bridge --dir DIR [--clock INSTANT]` opens (or creates) `DIR/tracker.db` as the app
//! opens its database, sets the clock if asked (`schedule::set_clock`), and prints
//! `listening on http://127.0.0.1:PORT` (a free port) on stdout. Then, on 127.0.0.1 only:
//!
//! - `POST /invoke` `{"cmd", "args"}`: the command as the page's `invoke(cmd, args)` makes
//!   it; 200 with its result, or 400 with its error exactly as the app's IPC gives it
//!   (`{"code", "message"}`).
//! - `POST /clock` `{"at": INSTANT | null}`: sets the clock (null: the computer's).
//! - `POST /quit`: closes the database (its WAL folded in, so the folder can be copied)
//!   and exits.
//!
//! It also exits when its standard input closes, so a test runner that dies leaves none
//! behind. Requests are answered one at a time, as the app's one store lock serves them.

#[path = "../../tests/ipc_common/mod.rs"]
mod ipc_common;

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use inspection_action_tracker_app::state::AppState;
use inspection_tracker::schedule::set_clock;
use serde::Deserialize;
use serde_json::{json, Value};
use tiny_http::{Header, Method, Request, Response, Server};

#[derive(Deserialize)]
struct Invoke {
    cmd: String,
    #[serde(default)]
    args: Value,
}

#[derive(Deserialize)]
struct Clock {
    at: Option<DateTime<Utc>>,
}

fn main() {
    if let Err(e) = run() {
        eprintln!("test-bridge: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let (dir, clock) = parse_args()?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    // Before the database opens, so the start-up backup is stamped by the clock too.
    set_clock(clock);
    let app = ipc_common::app_on(AppState::open(&dir.join("tracker.db")));
    let server = Server::http("127.0.0.1:0").map_err(|e| format!("cannot listen: {e}"))?;
    let port = server
        .server_addr()
        .to_ip()
        .ok_or("not listening on an IP address")?
        .port();
    println!("listening on http://127.0.0.1:{port}");
    std::thread::spawn(|| {
        // Read to the end: the runner closed our input (or died), so nobody is listening.
        let _ = std::io::copy(&mut std::io::stdin(), &mut std::io::sink());
        std::process::exit(0);
    });
    for mut request in server.incoming_requests() {
        let answer = answer(&app, &mut request);
        let quit = matches!(answer, Answer::Quit);
        let (status, body) = match answer {
            Answer::Json(status, body) => (status, body),
            Answer::Quit => (200, Value::Null),
        };
        let response = Response::from_string(body.to_string())
            .with_status_code(status)
            .with_header(header("Content-Type", "application/json"))
            // The page is served from another port (Vite's preview): let it read answers.
            .with_header(header("Access-Control-Allow-Origin", "*"));
        if let Err(e) = request.respond(response) {
            eprintln!("test-bridge: could not answer: {e}");
        }
        if quit {
            break;
        }
    }
    // Dropping the app closes the store's connection, which folds the WAL into the file.
    drop(app);
    Ok(())
}

enum Answer {
    Json(u16, Value),
    Quit,
}

fn answer(app: &ipc_common::App, request: &mut Request) -> Answer {
    if *request.method() == Method::Options {
        return Answer::Json(204, Value::Null);
    }
    if *request.method() != Method::Post {
        return refuse(405, "use POST");
    }
    let mut body = String::new();
    if let Err(e) = request.as_reader().read_to_string(&mut body) {
        return refuse(400, &format!("could not read the request: {e}"));
    }
    match request.url() {
        "/invoke" => match serde_json::from_str::<Invoke>(&body) {
            Ok(call) => {
                let args = if call.args.is_null() {
                    json!({})
                } else {
                    call.args
                };
                match ipc_common::invoke_with(app, &call.cmd, args) {
                    Ok(value) => Answer::Json(200, value),
                    Err(error) => Answer::Json(400, error),
                }
            }
            Err(e) => refuse(400, &format!("expected {{\"cmd\", \"args\"}}: {e}")),
        },
        "/clock" => match serde_json::from_str::<Clock>(&body) {
            Ok(clock) => {
                set_clock(clock.at);
                Answer::Json(200, Value::Null)
            }
            Err(e) => refuse(400, &format!("expected {{\"at\": INSTANT or null}}: {e}")),
        },
        "/quit" => Answer::Quit,
        other => refuse(404, &format!("no such endpoint: {other}")),
    }
}

/// The bridge's own refusals, in the app's error shape so the page reports them the same way.
fn refuse(status: u16, message: &str) -> Answer {
    Answer::Json(status, json!({ "code": "bridge", "message": message }))
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

fn parse_args() -> Result<(PathBuf, Option<DateTime<Utc>>), String> {
    let usage = "usage: test-bridge --dir DIR [--clock 2012-01-20T10:15:00Z]";
    let mut dir = None;
    let mut clock = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().ok_or(usage)?;
        match arg.as_str() {
            "--dir" => dir = Some(PathBuf::from(value)),
            "--clock" => {
                clock = Some(
                    DateTime::parse_from_rfc3339(&value)
                        .map_err(|e| format!("--clock {value}: {e}"))?
                        .with_timezone(&Utc),
                )
            }
            _ => return Err(usage.into()),
        }
    }
    Ok((dir.ok_or(usage)?, clock))
}
