//! An id block is the range of item ids one device hands out, so that two laptops adding
//! worries, factors or boxes to the same review at the same time never give two different
//! things the same id (which would make a merge treat them as one). Ids are
//! `block * 2^32 + n`: block 0 holds every id made before reviews were shared this way;
//! each device picks its own block (from its random device id) when it opens a review.
//! Ids stay below 2^53, so they survive any JSON reader.

/// How many ids one block holds.
pub const BLOCK_SIZE: u64 = 1 << 32;

/// The highest block a device may use (20 bits), keeping every id below 2^53.
pub const MAX_BLOCK: u64 = (1 << 20) - 1;

/// The block an id belongs to.
pub fn block_of(id: u64) -> u64 {
    id / BLOCK_SIZE
}

/// The first id handed out in `block` (ids are never 0).
pub fn first_id(block: u64) -> u64 {
    block.saturating_mul(BLOCK_SIZE).saturating_add(1)
}

/// A device's block from the bytes of its device id: never 0, at most [`MAX_BLOCK`].
pub fn block_for_device(device_id: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in device_id {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    (hash % MAX_BLOCK) + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_never_overlap_and_stay_below_two_to_the_53() {
        assert_eq!(block_of(first_id(0)), 0);
        assert_eq!(block_of(first_id(7) + 5), 7);
        assert!(first_id(MAX_BLOCK) + BLOCK_SIZE < 1 << 53);
        for device in [[0u8; 16], [255u8; 16], [1u8; 16]] {
            let b = block_for_device(&device);
            assert!((1..=MAX_BLOCK).contains(&b));
        }
        assert_ne!(block_for_device(&[1; 16]), block_for_device(&[2; 16]));
    }
}
