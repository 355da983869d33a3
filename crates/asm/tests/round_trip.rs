//! The round trip: disassembling a program and assembling the text gives the same program
//! back, for random valid programs and for the corpus.

use std::collections::BTreeSet;

use asm::{assemble, disassemble, is_legal_name};
use isa::{
    ArithOp, Base, Cond, DEFAULT_STORE_SIZE, DataSymbol, Insn, MAX_STORE_SIZE, Mem, Num, Program,
    Reg, ShiftOp, Src, Symbols, Target, UnaryOp, default_stack_size,
};
use proptest::prelude::*;
use proptest::sample::select;

/// Checks the round trip as `disassemble` documents it: everything the machine sees is
/// identical; symbols are identical except that an unlabelled entry point may gain one
/// made-up `L…` label and data columns no symbol covers get made-up `V…` names; and the
/// text is a fixed point.
fn assert_round_trip(p: &Program) {
    assert_eq!(
        p.validate(),
        Ok(()),
        "the generator made an invalid program"
    );
    let text = disassemble(p);
    let assembly = assemble(&text);
    let Some(q) = assembly.program else {
        panic!(
            "the disassembly does not assemble:\n{text}\n{:#?}",
            assembly.diagnostics
        );
    };
    assert_eq!(q.insns, p.insns, "{text}");
    assert_eq!(q.entry, p.entry, "{text}");
    assert_eq!(q.store_size, p.store_size, "{text}");
    assert_eq!(q.stack_size, p.stack_size, "{text}");
    assert_eq!(q.data, p.data, "{text}");
    if p.symbols.data.is_empty() {
        let mut next = 0;
        for sym in &q.symbols.data {
            assert!(sym.addr == next && sym.name.starts_with('V'), "{text}");
            next += sym.len;
        }
        assert_eq!(next as usize, p.data.len(), "{text}");
    } else {
        assert_eq!(q.symbols.data, p.symbols.data, "{text}");
    }
    for (index, names) in &p.symbols.code {
        assert_eq!(q.symbols.code.get(index), Some(names), "{text}");
    }
    for (index, names) in &q.symbols.code {
        if !p.symbols.code.contains_key(index) {
            assert_eq!(*index, p.entry, "{text}");
            assert!(
                matches!(&names[..], [name] if name.starts_with('L')),
                "{text}"
            );
        }
    }
    assert_eq!(disassemble(&q), text, "the text is not a fixed point");
}

fn num() -> BoxedStrategy<Num> {
    prop_oneof![
        (-300i64..300).prop_map(Num::from),
        any::<i64>().prop_map(Num::from),
        "-?[1-9][0-9]{0,49}".prop_map(|s| s.parse::<Num>().expect("at most 50 digits")),
        Just(Num::MAX),
        Just(Num::MIN),
    ]
    .boxed()
}

fn reg() -> BoxedStrategy<Reg> {
    select(Reg::ALL.to_vec()).boxed()
}

fn mem(store: u32) -> BoxedStrategy<Mem> {
    let base = prop_oneof![reg().prop_map(Base::Reg), Just(Base::Sp)];
    prop_oneof![
        (0..store).prop_map(Mem::Abs),
        Just(Mem::Abs(store - 1)),
        (base, num()).prop_map(|(base, offset)| Mem::Ind { base, offset }),
    ]
    .boxed()
}

fn src(store: u32) -> BoxedStrategy<Src> {
    prop_oneof![
        reg().prop_map(Src::Reg),
        num().prop_map(Src::Imm),
        mem(store).prop_map(Src::Mem)
    ]
    .boxed()
}

fn target(len: u32) -> BoxedStrategy<Target> {
    prop_oneof![
        (0..=len).prop_map(Target::Imm),
        Just(Target::Imm(len)),
        reg().prop_map(Target::Reg)
    ]
    .boxed()
}

fn insn(len: u32, store: u32) -> BoxedStrategy<Insn> {
    let arith = select(vec![
        ArithOp::Add,
        ArithOp::Sub,
        ArithOp::Mult,
        ArithOp::Div,
        ArithOp::Rem,
    ]);
    let unary = select(vec![UnaryOp::Neg, UnaryOp::Abs, UnaryOp::Sqrt]);
    let shift = select(vec![ShiftOp::Shl, ShiftOp::Shr]);
    let cond = select(vec![
        Cond::Always,
        Cond::Zero,
        Cond::NotZero,
        Cond::Less,
        Cond::GreaterEqual,
        Cond::Greater,
        Cond::LessEqual,
    ]);
    let stor_src = prop_oneof![reg().prop_map(Src::Reg), num().prop_map(Src::Imm)];
    prop_oneof![
        select(vec![Insn::Nop, Insn::Halt, Insn::Ret, Insn::Bell]),
        (reg(), src(store)).prop_map(|(r, s)| Insn::Load(r, s)),
        (stor_src, mem(store)).prop_map(|(s, m)| Insn::Stor(s, m)),
        (arith, reg(), src(store)).prop_map(|(a, r, s)| Insn::Arith(a, r, s)),
        (unary, reg()).prop_map(|(u, r)| Insn::Unary(u, r)),
        (shift, reg(), 0..=50u8).prop_map(|(s, r, k)| Insn::Shift(s, r, k)),
        (reg(), src(store)).prop_map(|(r, s)| Insn::Cmp(r, s)),
        (cond, target(len)).prop_map(|(c, t)| Insn::Jump(c, t)),
        target(len).prop_map(Insn::Call),
        src(store).prop_map(Insn::Push),
        reg().prop_map(Insn::Pop),
        reg().prop_map(Insn::Rdcrd),
        src(store).prop_map(Insn::Wrprn),
        src(store).prop_map(Insn::Wrchr),
    ]
    .boxed()
}

/// Legal names, including some that clash with the disassembler's made-up ones and `main`.
fn name() -> BoxedStrategy<String> {
    prop_oneof![
        "[A-Za-z_][A-Za-z0-9_.]{0,6}".prop_filter("legal", |n| is_legal_name(n)),
        select(vec!["main", "L0", "L1", "L2", "L2_1", "V0", "V1", "V3"]).prop_map(String::from),
    ]
    .boxed()
}

/// Random data as text now and then, so that string literals are exercised.
fn data() -> BoxedStrategy<Vec<Num>> {
    prop_oneof![
        prop::collection::vec(num(), 0..12),
        "[ -~\\n\\té→]{0,8}".prop_map(|s| s.chars().map(Num::from).chain([Num::ZERO]).collect()),
        (1..5usize).prop_map(|n| vec![Num::ZERO; n]),
    ]
    .boxed()
}

prop_compose! {
    fn sizes_and_data()(
        store in prop_oneof![Just(DEFAULT_STORE_SIZE), Just(100u32), Just(MAX_STORE_SIZE), 100..=MAX_STORE_SIZE],
        data in data(),
    )(
        stack in prop_oneof![
            Just(default_stack_size(store)),
            1..=store - data.len() as u32,
            Just(store - data.len() as u32),
        ],
        store in Just(store),
        data in Just(data),
    ) -> (u32, u32, Vec<Num>) {
        (store, stack, data)
    }
}

fn program() -> impl Strategy<Value = Program> {
    (sizes_and_data(), 0..20u32).prop_flat_map(|((store, stack, data), len)| {
        let data_len = data.len();
        (
            prop::collection::vec(insn(len, store), len as usize),
            prop_oneof![Just(0), 0..=len, Just(len)],
            any::<bool>(),
            prop::collection::vec((0..=len, name()), 0..6),
            prop::collection::vec(any::<bool>(), data_len),
            prop::collection::vec(name(), data_len),
        )
            .prop_map(move |(insns, entry, bare, labels, cuts, names)| {
                let mut program = Program {
                    insns,
                    entry,
                    store_size: store,
                    stack_size: stack,
                    data: data.clone(),
                    symbols: Symbols::default(),
                };
                if !bare {
                    program.symbols = symbols(&program.data, &labels, &cuts, &names);
                }
                program
            })
    })
}

/// Symbols the assembler could have made: distinct legal names, data symbols tiling the
/// data (cut where `cuts` says).
fn symbols(data: &[Num], labels: &[(u32, String)], cuts: &[bool], names: &[String]) -> Symbols {
    let mut used = BTreeSet::new();
    let mut symbols = Symbols::default();
    for i in 0..data.len() {
        if i == 0 || cuts[i] {
            let mut name = names[i].clone();
            let mut k = 0;
            while !used.insert(name.clone()) {
                k += 1;
                name = format!("{}_{k}", names[i]);
            }
            symbols.data.push(DataSymbol {
                name,
                addr: i as u32,
                len: 0,
            });
        }
        if let Some(last) = symbols.data.last_mut() {
            last.len += 1;
        }
    }
    for (index, name) in labels {
        if used.insert(name.clone()) {
            symbols.code.entry(*index).or_default().push(name.clone());
        }
    }
    symbols
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_programs_round_trip(p in program()) {
        assert_round_trip(&p);
    }
}

#[test]
fn edge_programs_round_trip() {
    // No symbols at all, data and an entry that needs made-up names, and labels whose
    // obvious made-up names are taken.
    let mut p = Program {
        insns: vec![
            Insn::Jump(Cond::Always, Target::Imm(2)),
            Insn::Nop,
            Insn::Halt,
        ],
        entry: 1,
        data: vec![Num::from(5), Num::ZERO],
        ..Program::default()
    };
    assert_round_trip(&p);
    expect_test::expect![[r#"
        .entry L1

        .data V0 5, 0

                JMP  2
        L1:     NOP
                HALT
    "#]]
    .assert_eq(&disassemble(&p));
    p.symbols.code.insert(0, vec!["L2".into(), "L1".into()]);
    p.symbols.data.push(DataSymbol {
        name: "V0_1".into(),
        addr: 0,
        len: 2,
    });
    assert_round_trip(&p);
    expect_test::expect![[r#"
        .entry L1_1

        .data V0_1 5, 0

        L2:
        L1:
                JMP  2
        L1_1:   NOP
                HALT
    "#]]
    .assert_eq(&disassemble(&p));
    assert_round_trip(&Program::default());
    assert_eq!(disassemble(&Program::default()), "");
}

#[test]
fn corpus_programs_round_trip_exactly() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/data exists") {
        let path = entry.expect("readable").path();
        if path.extension().is_none_or(|e| e != "basm") {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("readable");
        let assembly = assemble(&source);
        let Some(p) = assembly.program else {
            panic!("{}: {:#?}", path.display(), assembly.diagnostics);
        };
        let text = disassemble(&p);
        // Every jump in the corpus names a label, so nothing is made up: the programs,
        // symbols included, are identical.
        assert_eq!(
            assemble(&text).program.as_ref(),
            Some(&p),
            "{}:\n{text}",
            path.display()
        );
        count += 1;
    }
    assert!(count >= 7, "the corpus went missing");
}

#[test]
fn notes_become_comments_and_change_nothing() {
    let source = "main:   LOAD A, 1\n        WRPRN A\nend:    HALT\n";
    let p = assemble(source).program.expect("assembles");
    let notes = [
        (0, "line 1: x = 1".to_string()),
        (2, "line 3: done\nand more".to_string()),
    ]
    .into_iter()
    .collect();
    let text = asm::disassemble_annotated(&p, &notes);
    expect_test::expect![[r#"
        ; line 1: x = 1
        main:   LOAD A, 1
                WRPRN A
        ; line 3: done
        ; and more
        end:    HALT
    "#]]
    .assert_eq(&text);
    assert_eq!(assemble(&text).program.as_ref(), Some(&p));
}
