//@ kernel: 6.15
// Names the file defines itself are never kernel items, whatever the target.
mod time {
    pub struct Instant(u64);
    impl Instant {
        pub fn now() -> Self {
            Instant(0)
        }
    }
}

struct Delta(u32);

fn sample() -> time::Instant {
    let _d = Delta(3);
    time::Instant::now()
}
