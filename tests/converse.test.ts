import { describe, expect, it } from 'vitest';
import { asksForNewConversation, resolvedDiffers } from '../src/conversation/converse.js';

describe('asksForNewConversation', () => {
  it('takes "new", "/new" and "start over" as a request for a new conversation', () => {
    for (const text of ['new', ' /new ', 'New!', 'start over', "let's start again", 'new topic']) expect(asksForNewConversation(text)).toBe(true);
  });

  it('leaves questions that merely contain the word alone', () => {
    for (const text of ['what is new?', 'new bridge?', 'who is the new captain?', 'news']) expect(asksForNewConversation(text)).toBe(false);
  });
});

describe('resolvedDiffers', () => {
  it('is false when the resolved question has the same words as the typed one, whatever the case and punctuation', () => {
    expect(resolvedDiffers('Who met?', 'who met')).toBe(false);
    expect(resolvedDiffers('who met?', '')).toBe(false);
  });

  it('is true when the resolved question took words from earlier turns', () => {
    expect(resolvedDiffers('when?', 'when did Jane Doe meet John Roe?')).toBe(true);
    expect(resolvedDiffers('do you know anything about the fine?', 'What about the fine?')).toBe(true);
  });

  it('is false when the resolved question is the typed one less a request round it', () => {
    expect(resolvedDiffers('Do you know who met?', 'Who met?')).toBe(false);
    expect(resolvedDiffers('can you tell me who fixed them?', 'who fixed them?')).toBe(false);
    // A word cut in two is not the typed question's ending.
    expect(resolvedDiffers('Do you know who met?', 'o met')).toBe(true);
  });
});
