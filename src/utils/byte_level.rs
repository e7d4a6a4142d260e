//! The GPT-2 byte-to-unicode alphabet: every byte maps to a printable char (`' '` → `Ġ`),
//! so byte-level vocabularies can be stored as strings. Shared by the ByteLevel normalizer,
//! pre-tokenizer, post-processor and decoder.

/// Char for each byte value.
pub static BYTE_TO_CHAR: [char; 256] = build_byte_to_char();

const fn build_byte_to_char() -> [char; 256] {
    let mut table = ['\0'; 256];
    let mut n = 0u32;
    let mut b = 0usize;
    while b < 256 {
        let printable = (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE);
        table[b] = if printable {
            match char::from_u32(b as u32) {
                Some(c) => c,
                None => '\0',
            }
        } else {
            let c = match char::from_u32(256 + n) {
                Some(c) => c,
                None => '\0',
            };
            n += 1;
            c
        };
        b += 1;
    }
    table
}

/// The byte each char below U+0200 stands for in the alphabet (256: none); every char of the
/// alphabet is below U+0144.
static CHAR_TO_BYTE: [u16; 512] = build_char_to_byte();

const fn build_char_to_byte() -> [u16; 512] {
    let mut table = [256u16; 512];
    let mut b = 0;
    while b < 256 {
        let c = BYTE_TO_CHAR[b] as usize;
        if c < 512 {
            table[c] = b as u16;
        }
        b += 1;
    }
    table
}

/// Appends to `out` the bytes that `spelled` stands for, char by char, and returns whether
/// every char is one of the alphabet (if not, `out` holds the bytes before the first that
/// is not).
pub(crate) fn unspell_into(spelled: &str, out: &mut Vec<u8>) -> bool {
    for c in spelled.chars() {
        match CHAR_TO_BYTE
            .get(c as usize)
            .and_then(|&b| u8::try_from(b).ok())
        {
            Some(b) => out.push(b),
            None => return false,
        }
    }
    true
}

/// The byte a char of the alphabet stands for, if it is one.
pub fn char_to_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 256 {
        let b = u as u8;
        if BYTE_TO_CHAR[b as usize] == c {
            return Some(b);
        }
        return None;
    }
    // Chars 256.. stand for the non-printable bytes, in increasing byte order.
    let k = u - 256;
    BYTE_TO_CHAR
        .iter()
        .enumerate()
        .filter(|(b, ch)| (**ch as u32) >= 256 && *b < 256)
        .nth(k as usize)
        .map(|(b, _)| b as u8)
}

/// Maps every byte of `s` to its alphabet char.
pub fn bytes_to_chars(s: &[u8]) -> String {
    let mut out = String::new();
    spell_into(s, &mut out);
    out
}

/// Replaces the contents of `out` with every byte of `s` mapped to its alphabet char
/// (reusing `out`'s buffer).
#[inline]
pub(crate) fn spell_into(s: &[u8], out: &mut String) {
    out.clear();
    for &b in s {
        out.push(BYTE_TO_CHAR[usize::from(b)]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip() {
        assert_eq!(BYTE_TO_CHAR[b' ' as usize], 'Ġ');
        assert_eq!(BYTE_TO_CHAR[b'\n' as usize], 'Ċ');
        for b in 0..=255u8 {
            assert_eq!(char_to_byte(BYTE_TO_CHAR[b as usize]), Some(b));
        }
        assert_eq!(char_to_byte('x'), Some(b'x'));
        let all: Vec<u8> = (0..=255).collect();
        let mut back = Vec::new();
        assert!(unspell_into(&bytes_to_chars(&all), &mut back));
        assert_eq!(back, all);
        back.clear();
        assert!(!unspell_into("aé\u{2581}", &mut back));
        assert_eq!(back, b"a\xe9");
        assert_eq!(char_to_byte('\u{1000}'), None);
    }
}
