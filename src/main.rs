//! The entry point Trunk builds: it only mounts the app defined in the library.

fn main() {
    case_review_studio::start();
}
