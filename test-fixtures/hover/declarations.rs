//@ kernel: 6.15, 6.18
// Names being declared are the file's own items: a kernel item of the same name is not shown for them.
pub enum ClockId {
    Monotonic,
//  ^ hover: none
    RealTime,
//  ^ hover: none
}

pub trait HrTimerPointer {}
//        ^ hover: none

pub struct Mutex;
//         ^ hover: none

fn clock() -> ClockId {
    ClockId::Monotonic
}
