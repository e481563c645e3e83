//! The analysis tree editor: the tree drawn as a board (focal point in the middle, effects
//! above, causes below) that the facilitator builds live by touch, mouse, pen or keyboard,
//! with a list view beside it for quick typing and screen readers.

pub mod diagram;
pub mod layout;
pub mod svg_export;
pub mod word_widths;

pub use diagram::TreeDiagram;
