//! The web app's entry point; everything else is in the library.

fn main() {
    app::start();
}
