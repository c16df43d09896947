//! Text → [`Report`](crate::Report): the report's facts and every recommendation.

pub mod timeframe;

pub use timeframe::Timeframe;
