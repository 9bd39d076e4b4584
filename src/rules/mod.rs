//! The rule layer: links entities and figures into operation records. (Filled in below.)
