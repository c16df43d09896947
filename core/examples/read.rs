//! Prints the text a reader gives for a file: `cargo run --example read FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: read FILE");
    match inspection_tracker::read::read_file(std::path::Path::new(&path)) {
        Ok(doc) => print!("{}", doc.text),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
