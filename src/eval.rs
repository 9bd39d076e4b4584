//! Scoring records against gold. (Filled in below.)
