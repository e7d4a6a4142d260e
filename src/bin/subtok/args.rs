//! A small argument parser: `--name value`, `--name=value`, boolean `--flag`, positionals.
//! Options are taken by name (values first, then flags); what remains is positional.

/// The not-yet-consumed arguments of one subcommand.
pub struct Args {
    rest: Vec<String>,
}

impl Args {
    /// Wraps the arguments after the subcommand.
    pub fn new(argv: &[String]) -> Args {
        Args {
            rest: argv.to_vec(),
        }
    }

    /// Takes an option with a value (`--name value` or `--name=value`); the last one wins.
    pub fn value(&mut self, name: &str) -> Result<Option<String>, String> {
        let mut found = None;
        let prefix = format!("{name}=");
        let mut i = 0;
        while i < self.rest.len() {
            if self.rest[i] == name {
                if i + 1 >= self.rest.len() {
                    return Err(format!("{name} needs a value"));
                }
                let v = self.rest.remove(i + 1);
                self.rest.remove(i);
                found = Some(v);
            } else if let Some(v) = self.rest[i].strip_prefix(&prefix) {
                found = Some(v.to_owned());
                self.rest.remove(i);
            } else {
                i += 1;
            }
        }
        Ok(found)
    }

    /// Takes a boolean flag.
    pub fn flag(&mut self, name: &str) -> bool {
        let before = self.rest.len();
        self.rest.retain(|a| a != name);
        before != self.rest.len()
    }

    /// The remaining arguments, which must all be positional.
    pub fn positionals(self) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        let mut after_dashes = false;
        for a in self.rest {
            if after_dashes {
                out.push(a);
            } else if a == "--" {
                after_dashes = true;
            } else if a.starts_with("--") {
                return Err(format!("unknown option `{a}`"));
            } else {
                out.push(a);
            }
        }
        Ok(out)
    }
}
