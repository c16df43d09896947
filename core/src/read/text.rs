//! Plain text and Markdown: decoded to UTF-8 with `\n` line endings. Reports saved on
//! Windows come as UTF-16 (with a BOM) or Windows-1252 ("£", curly quotes), so those are
//! decoded rather than refused.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use super::ReadError;

pub(crate) fn read(bytes: &[u8]) -> Result<String, ReadError> {
    let (text, _) = decode(bytes);
    Ok(normalise_newlines(&text))
}

/// Decodes by BOM (UTF-8, UTF-16 LE/BE), else as UTF-8 if valid, else as Windows-1252
/// (which maps every byte, so this never fails). The BOM is removed.
pub(crate) fn decode(bytes: &[u8]) -> (String, &'static Encoding) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), encoding);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), UTF_8),
        // A prefix cut mid-character (by a caller's sniffing window) is still UTF-8.
        Err(e) if e.error_len().is_none() && e.valid_up_to() + 4 > bytes.len() => {
            let (text, _) = UTF_8.decode_without_bom_handling(bytes);
            (text.into_owned(), UTF_8)
        }
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), WINDOWS_1252)
        }
    }
}

/// `\r\n` and lone `\r` become `\n`.
pub(crate) fn normalise_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// True for content no text editor would have written: NUL bytes outside UTF-16, or
/// many control characters. Form feed, tab, CR and LF are normal in text.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some_and(|(e, _)| e != UTF_8) {
        return false;
    }
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C) || b == 0x7F)
        .count();
    // A few stray controls happen in real exports; a tenth of a percent is far beyond that.
    controls * 1000 > sample.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in s.encode_utf16() {
            let b = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            out.extend_from_slice(&b);
        }
        out
    }

    #[test]
    fn utf16_le_and_be_with_bom() {
        let s = "Children’s services\r\n• Improve plans £5";
        for be in [false, true] {
            let bytes = utf16(s, be);
            assert!(!looks_binary(&bytes));
            assert_eq!(
                read(&bytes).unwrap(),
                "Children’s services\n• Improve plans £5"
            );
        }
    }

    #[test]
    fn utf8_bom_is_stripped() {
        assert_eq!(read(b"\xEF\xBB\xBFHello").unwrap(), "Hello");
    }

    #[test]
    fn windows_1252_pound_and_curly_quotes() {
        // "£5 for “children’s” services" in Windows-1252.
        let bytes = b"\xA35 for \x93children\x92s\x94 services\r";
        assert_eq!(read(bytes).unwrap(), "£5 for “children’s” services\n");
    }

    #[test]
    fn valid_utf8_is_not_reinterpreted() {
        assert_eq!(read("£ – ’".as_bytes()).unwrap(), "£ – ’");
    }

    #[test]
    fn newlines_normalised() {
        assert_eq!(normalise_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn binary_heuristic() {
        assert!(looks_binary(b"ab\0cd"));
        assert!(looks_binary(b"\x01\x02\x03\x04 some text"));
        assert!(!looks_binary(b"page one\x0cpage two\ttab\r\n"));
    }
}
