//! Adversarial inputs shared by `tests/adversarial.rs` and `benches/adversarial.rs`: texts
//! built to provoke worst cases (no break points, huge pieces, partial matches of special
//! tokens, giant grapheme clusters). Every generator is deterministic and returns exactly
//! `len` bytes or slightly fewer (never splitting a char).

/// A small deterministic pseudo-random generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    /// A generator with a fixed seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed | 1)
    }
    /// Next pseudo-random value.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A value in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

/// Repeats `unit` until `len` bytes (whole units and then whole chars only).
fn fill(len: usize, mut unit: impl FnMut(&mut String)) -> String {
    let mut s = String::with_capacity(len + 16);
    while s.len() < len {
        unit(&mut s);
    }
    while s.len() > len {
        s.pop();
    }
    s
}

/// The named adversarial inputs, each about `len` bytes.
pub fn all(len: usize) -> Vec<(&'static str, String)> {
    vec![
        ("one_letter", "a".repeat(len)),
        ("spaces", " ".repeat(len)),
        (
            "whitespace_mix",
            fill(len, |s| s.push_str("  \n\t \r\n   \u{3000}\u{a0} ")),
        ),
        ("long_word", {
            let mut r = Rng::new(7);
            fill(len, |s| s.push((b'a' + r.below(26) as u8) as char))
        }),
        ("random_cjk", {
            let mut r = Rng::new(11);
            fill(len, |s| {
                s.push(char::from_u32(0x4E00 + r.below(0x5000) as u32).unwrap_or('中'))
            })
        }),
        ("combining_marks", {
            // One base letter followed by nothing but combining marks: one grapheme cluster.
            let mut r = Rng::new(13);
            let mut s = String::from("e");
            s.push_str(&fill(len - 1, |s| {
                s.push(char::from_u32(0x300 + r.below(0x70) as u32).unwrap_or('\u{301}'))
            }));
            s
        }),
        (
            "emoji_zwj",
            fill(len, |s| {
                s.push_str("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}\u{1F3FD}")
            }),
        ),
        ("special_fragments", {
            let frags = [
                "<|endoftext|",
                "<|endoftext",
                "<s",
                "</s",
                "<unk",
                "[CLS",
                "[SEP",
                "[PAD",
                "[MASK",
                "<pad",
                "<|",
                "|>",
                "<",
                "[",
                "▁",
                "<0x",
                "<0x4",
                "##",
            ];
            let mut r = Rng::new(17);
            fill(len, |s| {
                s.push_str(frags[r.below(frags.len() as u64) as usize])
            })
        }),
        ("random_bytes_utf8", {
            let mut r = Rng::new(19);
            fill(len, |s| {
                let c = match r.below(4) {
                    0 => char::from_u32(r.below(0x80) as u32),
                    1 => char::from_u32(0x80 + r.below(0x780) as u32),
                    2 => char::from_u32(0x800 + r.below(0xD000) as u32),
                    _ => char::from_u32(0x10000 + r.below(0x10000) as u32),
                };
                s.push(c.unwrap_or('?'))
            })
        }),
        ("digits", {
            let mut r = Rng::new(23);
            fill(len, |s| s.push((b'0' + r.below(10) as u8) as char))
        }),
    ]
}
