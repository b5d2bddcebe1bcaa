/**
 * Export and import as files: a download of the current settings as JSON, and reading a
 * chosen file into validated settings (or a message saying why not).
 */
import {
  exportSettings,
  type ImportResult,
  importSettings,
  MAX_SETTINGS_FILE_LENGTH,
  type Settings,
} from '@/src/shared/settings';

/** The name the exported file is offered under. */
export const EXPORT_FILE_NAME = 'sourcelight-settings.json';

/** Offers the settings as a JSON file download. */
export function downloadSettings(settings: Settings): void {
  const blob = new Blob([exportSettings(settings)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = EXPORT_FILE_NAME;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a chosen file as settings; unreadable files give a message like bad JSON does. */
export async function readSettingsFile(file: File): Promise<ImportResult> {
  // A UTF-8 character takes at most 4 bytes: anything larger cannot be a settings file.
  if (file.size > MAX_SETTINGS_FILE_LENGTH * 4) {
    return { ok: false, error: 'The file is too large to be a settings file.' };
  }
  try {
    return importSettings(await file.text());
  } catch (error) {
    return { ok: false, error: `The file could not be read (${(error as Error).message}).` };
  }
}
