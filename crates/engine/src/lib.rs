//! The one API the CLI, the web app and the server use: compile, run, debug.
