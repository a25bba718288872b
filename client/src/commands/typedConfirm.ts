// Typed confirmation for deletes that cannot be undone: the user types the exact name of the thing.
import * as vscode from 'vscode';

/**
 * Resolves true only when the user typed `name` exactly. `preconfirmed` (tests, scripted callers) skips the
 * prompt. The input box is dismissable; where the workbench refuses prompts this counts as dismissed.
 */
export async function typedConfirm(what: string, name: string, detail: string, preconfirmed?: boolean): Promise<boolean> {
  if (preconfirmed) return true;
  try {
    const typed = await vscode.window.showInputBox({
      title: `Delete ${what} "${name}"`,
      prompt: `${detail} This cannot be undone. Type the ${what} name to confirm.`,
      placeHolder: name,
      ignoreFocusOut: true,
      validateInput: (v) => (v === name ? undefined : `Type "${name}" exactly to confirm`),
    });
    return typed === name;
  } catch {
    return false;
  }
}
