//! Dutch numbers, quantities, hedges and dates: the `NumberTagger` and `DateTagger` stages.
//! (Placeholder until the number-tagger issue lands: both stages currently find nothing.)

use crate::document::{Document, Stage};
use crate::error::Result;

/// Fills `Document::quantities`.
#[derive(Debug, Clone, Default)]
pub struct NumberTagger;

impl Stage for NumberTagger {
    fn name(&self) -> &'static str {
        "numbers"
    }
    fn process(&self, _doc: &mut Document) -> Result<()> {
        Ok(())
    }
}

/// Fills `Document::dates`.
#[derive(Debug, Clone, Default)]
pub struct DateTagger;

impl Stage for DateTagger {
    fn name(&self) -> &'static str {
        "dates"
    }
    fn process(&self, _doc: &mut Document) -> Result<()> {
        Ok(())
    }
}
