/*
 * Backline hold timer: progressive enhancement for the client "Today" page.
 *
 * The server renders, hidden, <section data-hold-timer data-hold-seconds data-ready-seconds
 * data-levels='[...]' data-level-hints='[...]'><h2>…</h2></section> and a form #check-off with one
 * input[data-hold-level="i"] per level. Without JavaScript the page still works: the client types the
 * seconds held. With JavaScript this file shows the section, builds the timer inside it after the
 * heading, and writes the whole seconds actually held into the matching check-off input whenever a
 * hold ends (completed, stopped early or skipped).
 *
 * States (mirrored in the container's data-state attribute):
 *   idle -> ready ("Get ready") -> hold ("Hold") -> rest ("Rest") -> [Start next level] -> ready -> …
 *   and after the last level's hold: finished ("All levels done").
 *
 * Cues: the client lies over the roller and may not see the screen, so the hold's start and its end
 * each get a sound, a vibration and a spoken line. They differ (start: one high beep and one buzz;
 * end: two lower beeps and two buzzes) so that "hold now" is never mistaken for "come up".
 * Sound goes through one shared AudioContext unlocked by the Start press, because browsers only
 * allow audio that a user gesture started. Every cue fails silently where the device cannot do it.
 *
 * Setting: "Get-ready time (seconds)", 5–30, shown before each get-ready countdown (idle and rest), so
 * a client who needs longer to lie down safely can have it. It defaults to data-ready-seconds (clamped),
 * is remembered in localStorage under backline.readySeconds (ignored if unreadable, clamped if out of
 * range) and applies from the next Start. It sits outside #check-off so it is never submitted.
 *
 * Test hook: ?timerSeconds=N (1–60) replaces both the ready and the hold duration (and the setting).
 * Plain ES2017, no modules, no dependencies.
 */
(function () {
  'use strict';

  var TICK_MS = 250;
  var BREATH_MS = 4000;
  var FLASH_MS = 1500;
  // The words come from the page (data-texts, the message bundles in the page's language); {0} is an argument.
  var TEXT = {};
  function say(key) {
    var text = TEXT[key] || key;
    for (var i = 1; i < arguments.length; i++) { text = text.split('{' + (i - 1) + '}').join(String(arguments[i])); }
    return text;
  }
  var READY_MIN = 5;
  var READY_MAX = 30;
  var READY_KEY = 'backline.readySeconds';
  var START_BUZZ = [200];
  var END_BUZZ = [200, 100, 200];
  var settingIds = 0;

  function parseList(text, fallback) {
    try {
      var list = JSON.parse(text || '[]');
      if (Array.isArray(list) && list.length > 0) {
        return list.map(function (item) { return String(item == null ? '' : item); });
      }
    } catch (e) { /* fall through to the fallback */ }
    return fallback;
  }

  function parseSeconds(text, fallback, min, max) {
    var n = parseInt(text, 10);
    if (!isFinite(n)) { return fallback; }
    return Math.min(max, Math.max(min, n));
  }

  /** A get-ready time clamped to 5–30, or null when the text is not a number at all. */
  function readyValue(text) {
    var trimmed = String(text == null ? '' : text).trim();
    if (!/^-?\d+(\.\d+)?$/.test(trimmed)) { return null; }
    return Math.min(READY_MAX, Math.max(READY_MIN, Math.round(Number(trimmed))));
  }

  // localStorage throws in some private modes and when storage is blocked: then the setting lasts one page.
  function loadReady() {
    try { return readyValue(window.localStorage.getItem(READY_KEY)); } catch (e) { return null; }
  }

  function saveReady(seconds) {
    try { window.localStorage.setItem(READY_KEY, String(seconds)); } catch (e) { /* not remembered */ }
  }

  /** The ?timerSeconds=N test hook, or null when absent or out of range. */
  function testSeconds() {
    try {
      var raw = new URLSearchParams(window.location.search).get('timerSeconds');
      if (raw !== null && /^\d{1,2}$/.test(raw)) {
        var n = parseInt(raw, 10);
        if (n >= 1 && n <= 60) { return n; }
      }
    } catch (e) { /* old browser: ignore the hook */ }
    return null;
  }

  function pad2(n) { return (n < 10 ? '0' : '') + n; }

  function clockText(totalSeconds) {
    var s = Math.max(0, totalSeconds);
    return pad2(Math.floor(s / 60)) + ':' + pad2(s % 60);
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) { node.textContent = text; }
    return node;
  }

  function button(label, testId, className) {
    var attrs = { type: 'button' };
    if (testId) { attrs['data-testid'] = testId; }
    if (className) { attrs['class'] = className; }
    return el('button', attrs, label);
  }

  /* ---- Sound: one shared AudioContext, unlocked by the first Start press (a user gesture). ---- */
  var audio = null;

  function resumeAudio() {
    var pending = audio.resume();
    // A refused resume (no gesture) rejects: swallow it, the other cues still work.
    if (pending && typeof pending.then === 'function') { pending.then(null, function () {}); }
  }

  function unlockAudio() {
    try {
      var Ctx = window.AudioContext || window.webkitAudioContext;
      if (!Ctx) { return; }
      if (!audio) { audio = new Ctx(); }
      if (audio.state === 'suspended') { resumeAudio(); }
    } catch (e) { audio = null; }
  }

  /** One sine beep at frequency Hz, starting delay seconds from now. */
  function tone(frequency, delay, length) {
    var t = audio.currentTime + delay;
    var osc = audio.createOscillator();
    var gain = audio.createGain();
    osc.type = 'sine';
    osc.frequency.setValueAtTime(frequency, t);
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.25, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + length);
    osc.connect(gain);
    gain.connect(audio.destination);
    osc.start(t);
    osc.stop(t + length + 0.05);
  }

  function vibrate(pattern) {
    try {
      if (typeof navigator.vibrate === 'function') { navigator.vibrate(pattern); }
    } catch (e) { /* no vibration motor or not allowed */ }
  }

  /** The hold's start ('start': one high beep, one buzz) or end ('end': two lower beeps, two buzzes). */
  function cue(kind) {
    try {
      if (!audio) { unlockAudio(); }
      if (audio) {
        if (audio.state === 'suspended') { resumeAudio(); }
        if (kind === 'start') {
          tone(880, 0, 0.3);
        } else {
          tone(587, 0, 0.25);
          tone(587, 0.4, 0.25);
        }
      }
    } catch (e) { /* no sound available: the vibration, visual and spoken signals still work */ }
    vibrate(kind === 'start' ? START_BUZZ : END_BUZZ);
  }

  /* ---- Keep a phone screen awake during a hold, where the browser allows it. ---- */
  function WakeLock() { this.sentinel = null; }
  WakeLock.prototype.acquire = function () {
    var self = this;
    try {
      if (self.sentinel || !navigator.wakeLock || !navigator.wakeLock.request) { return; }
      navigator.wakeLock.request('screen').then(function (s) { self.sentinel = s; }, function () {});
    } catch (e) { /* not supported */ }
  };
  WakeLock.prototype.release = function () {
    try { if (this.sentinel) { this.sentinel.release(); } } catch (e) { /* ignore */ }
    this.sentinel = null;
  };

  function HoldTimer(root) {
    var override = testSeconds();
    this.root = root;
    this.override = override;
    this.holdSeconds = override || parseSeconds(root.getAttribute('data-hold-seconds'), 60, 1, 3600);
    var serverReady = readyValue(root.getAttribute('data-ready-seconds'));
    this.readySetting = loadReady() || serverReady || READY_MIN;  // the client's choice, 5–30
    this.readySeconds = override || this.readySetting;              // the current countdown's length
    try { TEXT = JSON.parse(root.getAttribute('data-texts') || '{}') || {}; } catch (e) { TEXT = {}; }
    this.levels = parseList(root.getAttribute('data-levels'), [say('level1')]);
    this.hints = parseList(root.getAttribute('data-level-hints'), []);
    this.level = 0;
    this.state = 'idle';
    this.phaseStart = 0;    // performance.now() when the current ready/hold phase began
    this.pausedTotal = 0;   // ms spent paused in the current phase
    this.pausedAt = null;   // performance.now() when the current pause began, or null
    this.interval = null;
    this.flashTimer = null;
    this.lastBreath = -1;
    this.wakeLock = new WakeLock();
    this.build();
    this.showIdle();
  }

  HoldTimer.prototype.build = function () {
    var root = this.root;
    var ui = el('div', { 'class': 'hold-timer-ui' });

    var levelLine = el('p', { 'class': 'timer-level-line' });
    this.levelCount = el('span', { 'class': 'timer-level-count' });
    this.levelName = el('strong', { 'class': 'timer-level', 'data-testid': 'timer-level' });
    levelLine.appendChild(this.levelCount);
    levelLine.appendChild(document.createTextNode(' '));
    levelLine.appendChild(this.levelName);
    this.hint = el('p', { 'class': 'timer-hint' });

    this.phase = el('p', { 'class': 'timer-phase', 'data-testid': 'timer-phase' });
    this.clock = el('p', { 'class': 'timer-clock', 'data-testid': 'timer-clock', role: 'timer' });
    this.breath = el('p', { 'class': 'timer-breath' });
    this.message = el('p', { 'class': 'timer-message', tabindex: '-1' });

    var row = el('div', { 'class': 'timer-buttons' });
    this.startButton = button(say('start'), 'timer-start');
    this.pauseButton = button(say('pause'), 'timer-pause');
    this.stopButton = button(say('stopHold'), 'timer-stop', 'secondary');
    this.skipButton = button(say('skip'), 'timer-skip', 'secondary');
    this.nextButton = button(say('next'), 'timer-next');
    [this.startButton, this.nextButton, this.pauseButton, this.stopButton, this.skipButton]
      .forEach(function (b) { row.appendChild(b); });

    this.setting = this.buildSetting(root);

    this.live = el('p', { 'class': 'visually-hidden', 'aria-live': 'polite', 'data-testid': 'timer-announce' });

    [levelLine, this.hint, this.phase, this.clock, this.breath, this.message, row, this.setting, this.live]
      .forEach(function (node) { ui.appendChild(node); });

    var heading = root.querySelector('h1, h2, h3, h4, h5, h6');
    if (heading && heading.parentNode === root) {
      heading.insertAdjacentElement('afterend', ui);
    } else {
      root.insertBefore(ui, root.firstChild);
    }
    root.classList.add('hold-timer');
    root.hidden = false;

    var self = this;
    this.startButton.addEventListener('click', function () { unlockAudio(); self.beginReady(); });
    this.nextButton.addEventListener('click', function () { unlockAudio(); self.beginReady(); });
    this.pauseButton.addEventListener('click', function () { self.togglePause(); });
    this.stopButton.addEventListener('click', function () { self.stop(); });
    this.skipButton.addEventListener('click', function () { self.skip(); });
    document.addEventListener('visibilitychange', function () {
      if (!document.hidden) {
        self.tick();
        if (self.state === 'hold' && self.pausedAt === null) { self.wakeLock.acquire(); }
      }
    });
  };

  /** The "Get-ready time (seconds)" field; placed below the buttons so hiding it never moves them. */
  HoldTimer.prototype.buildSetting = function (root) {
    settingIds += 1;
    var id = (root.id || 'hold-timer') + '-ready-seconds' + (settingIds > 1 ? '-' + settingIds : '');
    var wrap = el('div', { 'class': 'timer-setting' });
    var line = el('p', { 'class': 'timer-setting-line' });
    var label = el('label', { 'for': id }, say('readyLabel'));
    this.readyInput = el('input', {
      id: id, type: 'number', min: String(READY_MIN), max: String(READY_MAX), step: '1', inputmode: 'numeric',
      'data-testid': 'ready-seconds', 'aria-describedby': id + '-hint'
    });
    this.readyInput.value = String(this.readySetting);
    line.appendChild(label);
    line.appendChild(document.createTextNode(' '));
    line.appendChild(this.readyInput);
    var hint = el('p', { 'class': 'hint', id: id + '-hint' },
      say('readyHint', READY_MIN, READY_MAX));
    wrap.appendChild(line);
    wrap.appendChild(hint);

    var self = this;
    this.readyInput.addEventListener('change', function () { self.commitReady(); });
    this.readyInput.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') { self.commitReady(); }
    });
    return wrap;
  };

  /** Takes the field's value (clamped; a non-number restores the last good one) and remembers it. */
  HoldTimer.prototype.commitReady = function () {
    var seconds = readyValue(this.readyInput.value);
    if (seconds === null) { seconds = this.readySetting; }
    if (this.readyInput.value !== String(seconds)) { this.readyInput.value = String(seconds); }
    if (seconds !== this.readySetting) {
      this.readySetting = seconds;
      saveReady(seconds);
    }
  };

  /* ---- Display helpers ---- */

  HoldTimer.prototype.setState = function (state) {
    this.state = state;
    this.root.setAttribute('data-state', state);
    // Only offered before a countdown: changing it during one would be ambiguous.
    this.setting.hidden = !(state === 'idle' || state === 'rest');
  };

  HoldTimer.prototype.show = function (visible) {
    var all = ['startButton', 'nextButton', 'pauseButton', 'stopButton', 'skipButton'];
    var self = this;
    all.forEach(function (name) { self[name].hidden = visible.indexOf(name) < 0; });
  };

  HoldTimer.prototype.announce = function (text) {
    var live = this.live;
    // Clear first so that the same words are read again when they repeat.
    live.textContent = '';
    window.setTimeout(function () { live.textContent = text; }, 50);
  };

  HoldTimer.prototype.showLevel = function () {
    var n = this.levels.length;
    this.levelCount.textContent = n > 1 ? say('levelOf', this.level + 1, n) : say('levelOnly');
    this.levelName.textContent = this.levels[this.level];
    var hint = this.hints[this.level] || '';
    this.hint.textContent = hint;
    this.hint.hidden = !hint;
  };

  HoldTimer.prototype.setMessage = function (text) {
    this.message.textContent = text || '';
    this.message.hidden = !text;
  };

  HoldTimer.prototype.focus = function (node) {
    try { node.focus({ preventScroll: false }); } catch (e) { node.focus(); }
  };

  /* ---- Timing ---- */

  HoldTimer.prototype.elapsedMs = function () {
    var now = this.pausedAt !== null ? this.pausedAt : performance.now();
    return Math.max(0, now - this.phaseStart - this.pausedTotal);
  };

  HoldTimer.prototype.startPhase = function () {
    this.phaseStart = performance.now();
    this.pausedTotal = 0;
    this.pausedAt = null;
    this.lastBreath = -1;
    var self = this;
    if (this.interval === null) {
      this.interval = window.setInterval(function () { self.tick(); }, TICK_MS);
    }
  };

  HoldTimer.prototype.stopTicking = function () {
    if (this.interval !== null) {
      window.clearInterval(this.interval);
      this.interval = null;
    }
  };

  HoldTimer.prototype.tick = function () {
    if (this.state !== 'ready' && this.state !== 'hold') { return; }
    var duration = (this.state === 'ready' ? this.readySeconds : this.holdSeconds) * 1000;
    var elapsed = this.elapsedMs();
    var remaining = duration - elapsed;
    if (remaining <= 0) {
      if (this.state === 'ready') {
        this.beginHold();
      } else {
        this.endHold('done');
      }
      return;
    }
    this.clock.textContent = clockText(Math.ceil(remaining / 1000));
    if (this.state === 'hold' && this.pausedAt === null) {
      var breath = Math.floor(elapsed / BREATH_MS) % 2;
      if (breath !== this.lastBreath) {
        this.lastBreath = breath;
        this.breath.textContent = breath === 0 ? say('breatheIn') : say('breatheOut');
      }
    }
  };

  /* ---- Flow ---- */

  HoldTimer.prototype.showIdle = function () {
    this.setState('idle');
    this.stopTicking();
    this.root.removeAttribute('data-paused');
    this.showLevel();
    this.phase.textContent = this.level === 0 ? say('readyWhenYouAre') : say('nextLevel');
    this.clock.textContent = clockText(this.holdSeconds);
    this.clock.hidden = false;
    this.breath.textContent = '';
    this.setMessage(say('idleMessage'));
    this.show(['startButton', 'skipButton']);
  };

  HoldTimer.prototype.beginReady = function () {
    this.commitReady();
    this.readySeconds = this.override || this.readySetting;
    if (this.readySeconds <= 0) { this.beginHold(); this.focus(this.pauseButton); return; }
    this.setState('ready');
    this.root.removeAttribute('data-paused');
    this.root.classList.remove('timer-flash');
    this.showLevel();
    this.phase.textContent = say('getReady');
    this.clock.textContent = clockText(this.readySeconds);
    this.clock.hidden = false;
    this.breath.textContent = say('lieBack');
    this.setMessage('');
    this.pauseButton.textContent = say('pause');
    this.show(['pauseButton', 'stopButton', 'skipButton']);
    this.announce(say('announceGetReady', this.levels[this.level]));
    this.startPhase();
    this.focus(this.pauseButton);
  };

  HoldTimer.prototype.beginHold = function () {
    this.setState('hold');
    this.phase.textContent = say('hold');
    this.clock.textContent = clockText(this.holdSeconds);
    this.breath.textContent = say('breatheIn');
    this.show(['pauseButton', 'stopButton', 'skipButton']);
    this.announce(say('announceHold', say('breatheIn')));
    this.startPhase();
    this.lastBreath = 0;
    this.wakeLock.acquire();
    cue('start');
  };

  HoldTimer.prototype.togglePause = function () {
    if (this.state !== 'ready' && this.state !== 'hold') { return; }
    if (this.pausedAt === null) {
      this.pausedAt = performance.now();
      this.pauseButton.textContent = say('resume');
      this.root.setAttribute('data-paused', 'true');
      this.breath.textContent = say('pausedBreath');
      this.announce(say('announcePaused'));
      this.wakeLock.release();
    } else {
      this.pausedTotal += performance.now() - this.pausedAt;
      this.pausedAt = null;
      this.pauseButton.textContent = say('pause');
      this.root.removeAttribute('data-paused');
      this.lastBreath = -1;
      this.breath.textContent = this.state === 'hold' ? say('breatheIn') : say('lieBack');
      this.announce(say('announceResumed'));
      if (this.state === 'hold') { this.wakeLock.acquire(); }
      this.tick();
    }
  };

  /** Whole seconds held in the current hold so far, never more than the target. */
  HoldTimer.prototype.heldSeconds = function () {
    if (this.state !== 'hold') { return 0; }
    return Math.min(this.holdSeconds, Math.floor(this.elapsedMs() / 1000));
  };

  HoldTimer.prototype.record = function (level, seconds, onlyIfEmpty) {
    var form = document.getElementById('check-off');
    if (!form) { return; }
    var input = form.querySelector('input[data-hold-level="' + level + '"]');
    if (!input || (onlyIfEmpty && input.value !== '')) { return; }
    input.value = String(seconds);
    input.removeAttribute('aria-invalid');
    ['input', 'change'].forEach(function (type) {
      var event;
      try { event = new Event(type, { bubbles: true }); } catch (e) {
        event = document.createEvent('Event');
        event.initEvent(type, true, false);
      }
      input.dispatchEvent(event);
    });
  };

  HoldTimer.prototype.flash = function () {
    var root = this.root;
    root.classList.add('timer-flash');
    if (this.flashTimer !== null) { window.clearTimeout(this.flashTimer); }
    var self = this;
    this.flashTimer = window.setTimeout(function () {
      root.classList.remove('timer-flash');
      self.flashTimer = null;
    }, FLASH_MS);
  };

  /** Ends the current hold. how: 'done' (time is up), 'stopped' or 'skipped'. */
  HoldTimer.prototype.endHold = function (how) {
    var level = this.level;
    var held = how === 'done' ? this.holdSeconds : this.heldSeconds();
    this.stopTicking();
    this.wakeLock.release();
    this.pausedAt = null;
    this.root.removeAttribute('data-paused');
    this.pauseButton.textContent = say('pause');
    this.record(level, held, false);

    var spoken = how === 'done' ? say('holdDone') : say('holdStopped', held);
    if (how === 'done') {
      // Only when time is up: after Stop or Skip the client pressed the button and already knows.
      cue('end');
      this.flash();
    }
    this.clock.textContent = clockText(0);

    if (how === 'skipped') {
      this.advance(spoken);
    } else if (level >= this.levels.length - 1) {
      this.finish(spoken);
    } else {
      this.rest(spoken, held);
    }
  };

  HoldTimer.prototype.rest = function (spoken, held) {
    this.setState('rest');
    this.level += 1;
    this.showLevel();
    this.levelCount.textContent = say('nextLevelOf', this.level + 1, this.levels.length);
    this.phase.textContent = say('rest');
    this.clock.hidden = true;
    this.breath.textContent = held === 1 ? say('heldOne') : say('held', held);
    this.setMessage(say('restMessage'));
    this.show(['nextButton']);
    this.announce(spoken + ' ' + say('nextLevelIs', this.levels[this.level]));
    this.focus(this.nextButton);
  };

  /** Moves on without a rest screen (Skip). */
  HoldTimer.prototype.advance = function (spoken) {
    if (this.level >= this.levels.length - 1) {
      this.finish(spoken);
      return;
    }
    this.level += 1;
    this.showIdle();
    this.setMessage(say('moveRoller'));
    this.announce((spoken ? spoken + ' ' : '') + say('nextLevelIs', this.levels[this.level]));
    this.focus(this.startButton);
  };

  HoldTimer.prototype.finish = function (spoken) {
    this.setState('finished');
    this.stopTicking();
    this.phase.textContent = say('allDone');
    this.clock.hidden = true;
    this.breath.textContent = say('comeUp');
    this.setMessage(say('wellDone'));
    if (document.getElementById('check-off')) {
      var link = el('a', { href: '#check-off', 'class': 'timer-checkoff-link' }, say('goToCheckOff'));
      this.message.appendChild(document.createTextNode(' '));
      this.message.appendChild(link);
    }
    this.show([]);
    this.announce((spoken ? spoken + ' ' : '') + say('announceAllDone'));
    this.focus(this.message);
  };

  HoldTimer.prototype.stop = function () {
    if (this.state === 'hold') {
      this.endHold('stopped');
    } else if (this.state === 'ready') {
      // The hold never began: go back to the start of this level.
      this.showIdle();
      this.announce(say('announceStopped'));
      this.focus(this.startButton);
    }
  };

  HoldTimer.prototype.skip = function () {
    if (this.state === 'hold') {
      this.endHold('skipped');
      return;
    }
    if (this.state === 'idle' || this.state === 'ready') {
      // No hold took place at this level: note 0 unless the client already typed a value.
      this.stopTicking();
      this.record(this.level, 0, true);
      this.advance(say('levelSkipped'));
    }
  };

  function init() {
    var roots = document.querySelectorAll('[data-hold-timer]');
    Array.prototype.forEach.call(roots, function (root) {
      if (root.getAttribute('data-hold-timer-ready') === 'true') { return; }
      root.setAttribute('data-hold-timer-ready', 'true');
      root.holdTimer = new HoldTimer(root);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
