//! The closed label sets that documents and records share: entity types and the hedges on
//! numbers (ANNOTATION.md). They sit below both [`crate::document`] (which re-exports them) and
//! [`crate::record`], so neither of those depends on the other's types in both directions.

use serde::{Deserialize, Serialize};

/// CoNLL-2002 entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    #[serde(rename = "PER")]
    Per,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "LOC")]
    Loc,
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityType {
    pub const ALL: [EntityType; 4] = [EntityType::Per, EntityType::Org, EntityType::Loc, EntityType::Misc];

    /// The position in [`EntityType::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }

    pub fn parse(s: &str) -> Option<EntityType> {
        match s {
            "PER" => Some(EntityType::Per),
            "ORG" => Some(EntityType::Org),
            "LOC" => Some(EntityType::Loc),
            "MISC" => Some(EntityType::Misc),
            _ => None,
        }
    }
}

/// A hedge on a number, as ANNOTATION.md defines them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    MoreThan,
    AtLeast,
    Almost,
    About,
    Vague,
}

impl Qualifier {
    /// Every qualifier, in the contract's order.
    pub const ALL: [Qualifier; 5] = [Qualifier::MoreThan, Qualifier::AtLeast, Qualifier::Almost, Qualifier::About, Qualifier::Vague];

    pub fn as_str(&self) -> &'static str {
        match self {
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::Almost => "almost",
            Qualifier::About => "about",
            Qualifier::Vague => "vague",
        }
    }

    pub fn parse(s: &str) -> Option<Qualifier> {
        match s {
            "more_than" => Some(Qualifier::MoreThan),
            "at_least" => Some(Qualifier::AtLeast),
            "almost" => Some(Qualifier::Almost),
            "about" => Some(Qualifier::About),
            "vague" => Some(Qualifier::Vague),
            _ => None,
        }
    }
}
