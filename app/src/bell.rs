//! The Engine's bell: a short tone through Web Audio.

use std::cell::RefCell;

use web_sys::{AudioContext, OscillatorType};

thread_local! {
    /// One audio context for the page, made at the first ring (browsers let a page make
    /// sound only after the student has clicked or pressed a key, as Run needs).
    static CONTEXT: RefCell<Option<AudioContext>> = const { RefCell::new(None) };
}

/// How long a ring lasts, in seconds.
const LENGTH: f64 = 0.15;

/// Rings the bell once; returns whether a tone was started (the browser may refuse).
pub fn ring() -> bool {
    CONTEXT.with(|c| {
        let mut context = c.borrow_mut();
        if context.is_none() {
            *context = AudioContext::new().ok();
        }
        context.as_ref().is_some_and(|ctx| tone(ctx).is_some())
    })
}

/// A bell-like tone: a sine at 880 Hz that dies away.
fn tone(ctx: &AudioContext) -> Option<()> {
    // A context made before any click starts suspended; resuming is allowed after one.
    let _ = ctx.resume();
    let now = ctx.current_time();
    let oscillator = ctx.create_oscillator().ok()?;
    oscillator.set_type(OscillatorType::Sine);
    oscillator.frequency().set_value(880.0);
    let gain = ctx.create_gain().ok()?;
    gain.gain().set_value_at_time(0.25, now).ok()?;
    gain.gain()
        .exponential_ramp_to_value_at_time(0.001, now + LENGTH)
        .ok()?;
    oscillator.connect_with_audio_node(&gain).ok()?;
    gain.connect_with_audio_node(&ctx.destination()).ok()?;
    oscillator.start_with_when(now).ok()?;
    oscillator.stop_with_when(now + LENGTH).ok()?;
    Some(())
}
