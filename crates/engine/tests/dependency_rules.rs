//! The workspace's dependency rules (Architecture Invariants in `ARCHITECTURE.md`), checked
//! against `cargo metadata` so that a new dependency cannot quietly break them.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

/// The crates that must build for the browser and behave identically there.
const CORE: [&str; 10] = [
    "isa",
    "diag",
    "asm",
    "emu",
    "ir",
    "codegen",
    "lang-c",
    "lang-python",
    "debugger",
    "engine",
];

/// The front ends: one per compiled language.
const FRONT_ENDS: [&str; 2] = ["lang-c", "lang-python"];

/// Crates that would bring the web, async runtimes, databases or unseeded randomness into
/// the core.
const BANNED_IN_CORE: [&str; 14] = [
    "tokio",
    "async-std",
    "futures",
    "mio",
    "axum",
    "hyper",
    "reqwest",
    "sqlx",
    "rusqlite",
    "wasm-bindgen",
    "web-sys",
    "js-sys",
    "getrandom",
    "rand",
];

/// Each crate's normal (non-dev, non-build) dependencies, by name, from `cargo metadata`.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let output = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let names: BTreeMap<&str, &str> = metadata["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .map(|p| {
            (
                p["id"].as_str().expect("id"),
                p["name"].as_str().expect("name"),
            )
        })
        .collect();
    metadata["resolve"]["nodes"]
        .as_array()
        .expect("resolve nodes")
        .iter()
        .map(|node| {
            let deps = node["deps"]
                .as_array()
                .expect("deps")
                .iter()
                .filter(|d| {
                    d["dep_kinds"]
                        .as_array()
                        .expect("dep_kinds")
                        .iter()
                        .any(|k| k["kind"].is_null())
                })
                .map(|d| names[d["pkg"].as_str().expect("pkg")].to_string())
                .collect();
            (names[node["id"].as_str().expect("id")].to_string(), deps)
        })
        .collect()
}

/// Everything a crate depends on, directly or not.
fn closure(graph: &BTreeMap<String, BTreeSet<String>>, root: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![root.to_string()];
    while let Some(name) = stack.pop() {
        for dep in graph.get(&name).into_iter().flatten() {
            if seen.insert(dep.clone()) {
                stack.push(dep.clone());
            }
        }
    }
    seen
}

#[test]
fn the_core_has_no_web_async_database_or_random_dependency() {
    let graph = graph();
    for name in CORE {
        let banned: Vec<_> = closure(&graph, name)
            .into_iter()
            .filter(|d| BANNED_IN_CORE.contains(&d.as_str()))
            .collect();
        assert!(banned.is_empty(), "`{name}` depends on {banned:?}");
    }
}

#[test]
fn the_machine_knows_nothing_of_source_text() {
    let deps = closure(&graph(), "emu");
    assert!(
        !deps.contains("diag") && !deps.contains("asm"),
        "emu depends on {deps:?}"
    );
}

#[test]
fn front_ends_never_depend_on_the_machine_or_the_debugger() {
    let deps = closure(&graph(), "asm");
    assert!(
        !deps.contains("emu") && !deps.contains("debugger"),
        "asm depends on {deps:?}"
    );
}

#[test]
fn front_ends_depend_on_no_other_front_end_nor_on_code_generation_or_the_machine() {
    let graph = graph();
    for front_end in FRONT_ENDS {
        assert!(
            graph.contains_key(front_end),
            "`{front_end}` is not in the workspace"
        );
        let deps = closure(&graph, front_end);
        let wrong: Vec<_> = deps
            .iter()
            .filter(|d| {
                d.starts_with("lang-")
                    || ["codegen", "emu", "debugger", "asm", "engine"].contains(&d.as_str())
            })
            .collect();
        assert!(wrong.is_empty(), "`{front_end}` depends on {wrong:?}");
        assert!(
            deps.contains("ir"),
            "`{front_end}` does not lower to the IR"
        );
    }
}

#[test]
fn the_ir_and_code_generation_know_no_front_end_and_no_machine() {
    let graph = graph();
    for name in ["ir", "codegen"] {
        let deps = closure(&graph, name);
        let wrong: Vec<_> = deps
            .iter()
            .filter(|d| {
                d.starts_with("lang-") || ["emu", "debugger", "engine"].contains(&d.as_str())
            })
            .collect();
        assert!(wrong.is_empty(), "`{name}` depends on {wrong:?}");
    }
}

#[test]
fn the_command_line_and_the_app_reach_the_core_only_through_engine() {
    let graph = graph();
    for user in ["cli", "app"] {
        let direct = &graph[user];
        for name in CORE.iter().filter(|n| **n != "engine") {
            assert!(
                !direct.contains(*name),
                "{user} depends on `{name}` directly"
            );
        }
        assert!(direct.contains("engine"), "{user} does not use engine");
    }
}
