// The one component approach of the console: Preact with htm tagged templates (no build step).
import { h, render, Fragment } from './lib/preact.js';
import { useState, useEffect, useRef, useMemo, useCallback } from './lib/hooks.js';
import htm from './lib/htm.js';

export const html = htm.bind(h);
export { h, render, Fragment, useState, useEffect, useRef, useMemo, useCallback };
