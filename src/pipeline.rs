//! The pipeline. (Filled in below.)
