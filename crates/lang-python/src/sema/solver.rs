//! Type variables and their unification, for inferring the one type of every variable,
//! parameter and return value in a program with no type annotations.

/// A type of the subset. Every variable and expression has exactly one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ty {
    Int,
    Bool,
    /// A list of ints.
    List,
    /// What a function that returns nothing returns.
    None,
    /// A string literal (only where the subset allows one: `print`, `input`).
    Str,
    /// An expression already reported: it agrees with everything, so that one mistake
    /// gives one diagnostic.
    Poison,
}

impl Ty {
    /// The type as Python names it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Ty::Int => "int",
            Ty::Bool => "bool",
            Ty::List => "list",
            Ty::None => "None",
            Ty::Str => "str",
            Ty::Poison => "unknown",
        }
    }

    /// `int` or `bool`, which Python's arithmetic accepts alike.
    pub(crate) fn is_numeric(self) -> bool {
        matches!(self, Ty::Int | Ty::Bool | Ty::Poison)
    }

    /// The type with its article, for messages (`an int`, `a list`).
    pub(crate) fn a(self) -> String {
        match self {
            Ty::Int => "an int".into(),
            Ty::None => "None".into(),
            t => format!("a {}", t.name()),
        }
    }
}

/// A type variable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Tv(u32);

/// Type variables joined by a union-find, each class with at most one known type.
#[derive(Debug, Default)]
pub(crate) struct Solver {
    parent: Vec<u32>,
    ty: Vec<Option<Ty>>,
}

impl Solver {
    /// A variable of a type not known yet.
    pub(crate) fn fresh(&mut self) -> Tv {
        self.parent.push(self.parent.len() as u32);
        self.ty.push(None);
        Tv(self.parent.len() as u32 - 1)
    }

    /// A variable of a known type.
    pub(crate) fn known(&mut self, ty: Ty) -> Tv {
        let v = self.fresh();
        self.ty[v.0 as usize] = Some(ty);
        v
    }

    fn find(&mut self, v: Tv) -> usize {
        let mut i = v.0 as usize;
        while self.parent[i] as usize != i {
            let grand = self.parent[self.parent[i] as usize];
            self.parent[i] = grand;
            i = grand as usize;
        }
        i
    }

    /// The type of a variable, if known.
    pub(crate) fn get(&mut self, v: Tv) -> Option<Ty> {
        let r = self.find(v);
        self.ty[r]
    }

    /// Makes two variables one; if both types are known and differ, returns them.
    pub(crate) fn unify(&mut self, a: Tv, b: Tv) -> Result<(), (Ty, Ty)> {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return Ok(());
        }
        match (self.ty[ra], self.ty[rb]) {
            (Some(Ty::Poison), _) | (_, Some(Ty::Poison)) => Ok(()),
            (Some(x), Some(y)) if x != y => Err((x, y)),
            (None, _) => {
                self.parent[ra] = rb as u32;
                Ok(())
            }
            _ => {
                self.parent[rb] = ra as u32;
                Ok(())
            }
        }
    }

    /// Gives a variable a type: unifies it with a fresh variable of that type.
    pub(crate) fn set(&mut self, v: Tv, ty: Ty) -> Result<(), (Ty, Ty)> {
        let k = self.known(ty);
        self.unify(v, k)
    }

    /// The type of a variable, with `int` for one that nothing constrains (a parameter
    /// of a function never called, say), fixing it so.
    pub(crate) fn resolve(&mut self, v: Tv) -> Ty {
        match self.get(v) {
            Some(t) => t,
            None => {
                let _ = self.set(v, Ty::Int);
                Ty::Int
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unification_joins_classes_and_finds_conflicts() {
        let mut s = Solver::default();
        let (a, b, c) = (s.fresh(), s.fresh(), s.fresh());
        assert_eq!(s.unify(a, b), Ok(()));
        assert_eq!(s.set(b, Ty::List), Ok(()));
        assert_eq!(s.get(a), Some(Ty::List));
        assert_eq!(s.set(c, Ty::Int), Ok(()));
        assert_eq!(s.unify(a, c), Err((Ty::List, Ty::Int)));
        let p = s.known(Ty::Poison);
        assert_eq!(s.unify(p, a), Ok(()));
        assert_eq!(s.get(a), Some(Ty::List), "poison binds nothing");
        let free = s.fresh();
        assert_eq!(
            s.resolve(free),
            Ty::Int,
            "what nothing constrains is an int"
        );
    }
}
