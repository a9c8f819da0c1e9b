import type { z } from 'zod';
import { mergeCalls, type CallDefinition } from './define.js';
import { consumerCalls } from './calls/consumers.js';
import { paymentCalls } from './calls/payments.js';
import { creditNoteCalls } from './calls/credit-notes.js';
import { documentCalls } from './calls/documents.js';
import { sessionCalls } from './calls/session.js';
import { settingsCalls } from './calls/settings.js';
import { syncCalls } from './calls/sync.js';
import { tillCalls } from './calls/tills.js';
import { planCalls } from './calls/plans.js';
import { workspaceCalls } from './calls/workspace.js';

/** Every call the UI can make. Preload, ipcMain and the HTTP adapter all serve exactly this table. */
export const contract = mergeCalls(sessionCalls, consumerCalls, settingsCalls, paymentCalls, creditNoteCalls, documentCalls, syncCalls, tillCalls, planCalls, workspaceCalls);

export type Contract = typeof contract;
export type CallName = keyof Contract & string;
export const CALL_NAMES = Object.keys(contract) as CallName[];

/** What the caller sends (amounts as text) and what the service receives (amounts as cents). */
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.infer<Contract[N]['output']>;

export type AnyCall = CallDefinition;
