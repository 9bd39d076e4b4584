//! HTML escaping: every piece of article or record text that goes into the report passes through here.

use std::fmt::Write;

/// Escapes `&`, `<`, `>`, `"` and `'`, so the result is safe both as element text and inside a
/// quoted attribute value.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    push_escaped(&mut out, s);
    out
}

/// Appends `s` to `out`, escaped as [`escape_html`] does.
pub fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab and newlines have no place in HTML text.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {
                let _ = write!(out, "&#xFFFD;");
            }
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! escapes {
        ($($input:expr => $output:expr),* $(,)?) => {
            $( assert_eq!(escape_html($input), $output, "escaping {:?}", $input); )*
        };
    }

    #[test]
    fn escapes_the_five_characters_and_nothing_else() {
        escapes! {
            "" => "",
            "De politie" => "De politie",
            "a & b" => "a &amp; b",
            "<script>alert(1)</script>" => "&lt;script&gt;alert(1)&lt;/script&gt;",
            "\"zo'n\"" => "&quot;zo&#39;n&quot;",
            "&amp;" => "&amp;amp;",
            "cocaïne € 4 miljoen" => "cocaïne € 4 miljoen",
            "regel\nregel\ttab" => "regel\nregel\ttab",
            "nul\u{0}byte" => "nul&#xFFFD;byte",
        }
    }
}
