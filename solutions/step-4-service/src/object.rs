//! A JSON object, and only an object, read as `T`.
//!
//! serde's derived `Deserialize` also reads a struct from an array of its fields in order
//! (`"article": ["title", "description", "body"]` fills the fields, `[]` is an update with
//! nothing in it), which the contract (openapi.yml) does not allow. [`Object`] refuses
//! anything but an object; its entries go straight on to the struct's own `Deserialize`, so
//! an error still names the field (`article.title: invalid type …`). The extractor
//! (`extract::Json`) reads every request body through it, and [`object`] every envelope's
//! content (`#[serde(deserialize_with = "object")]` in `model.rs`).
//!
//! Given code, the same file in steps 2, 3 and 4 (CI checks that the copies stay identical).

use serde::{Deserialize, Deserializer};

/// `T`, read from a JSON object only.
#[derive(Debug)]
pub struct Object<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectVisitor<T>(std::marker::PhantomData<T>);

        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for ObjectVisitor<T> {
            type Value = T;

            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("a JSON object")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            }
        }

        deserializer
            .deserialize_map(ObjectVisitor(std::marker::PhantomData))
            .map(Object)
    }
}

/// An envelope's content (`"article": {…}`) as a JSON object only: see [`Object`].
pub fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<T, D::Error> {
    Object::deserialize(d).map(|Object(value)| value)
}
