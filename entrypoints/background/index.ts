import '../../utils/ui-language.ts';
import { browser } from 'wxt/browser';
import { POLL_ALARM } from '../../lib/polling-policy.ts';
import { startHistory } from './history-store.ts';
import { syncIndicators } from './indicators.ts';
import { repairInvoiceNumbers } from './invoice-numbers.ts';
import { KEY_LOCK_ALARM, lockUnusedKeys } from './key-store.ts';
import { settleOrphanedCreate } from './last-create.ts';
import { startSelectionMenu } from './menus.ts';
import { createMessageHandler } from './router.ts';
import { repairSettings } from './settings-store.ts';
import { forgetState } from './state.ts';
import { createStatusService } from './statuses.ts';

function logFailure(what: string) {
  return (error: unknown) => console.error(what, error);
}

export default defineBackground(() => {
  // First in the history's queue: every later read or write sees the migrated format.
  void startHistory()
    .then(() => syncIndicators())
    .catch(logFailure('Worker start failed'));
  void settleOrphanedCreate().catch(logFailure('Settling an interrupted create failed'));
  void repairSettings().catch(logFailure('Repairing settings failed'));
  // Lock after is kept at every wake, not only by its alarm: a worker woken past the deadline
  // (by a message, a poll) drops the unlocked key from storage.session before anything else.
  void lockUnusedKeys().catch(logFailure('Locking unused keys failed'));
  // Queued after repairSettings, in the same queue: it reads the repaired profiles.
  void repairInvoiceNumbers().catch(logFailure('Repairing invoice numbers failed'));
  const statuses = createStatusService();
  const handle = createMessageHandler({}, statuses);
  // sendResponse rather than a returned promise: the promise form is not answered by
  // every runtime (nor by WXT's fake browser in tests); `true` keeps the channel open.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handle(message, sender).then(sendResponse);
    return true;
  });
  // The state the pages ask for is kept in memory until any stored value changes.
  browser.storage.onChanged.addListener(forgetState);
  // All listeners are added synchronously: a worker woken by an event finds them.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === KEY_LOCK_ALARM) {
      return lockUnusedKeys().catch(logFailure('Locking unused keys failed'));
    }
    if (alarm.name !== POLL_ALARM) return;
    return statuses.refresh({ staleOnly: false }).then(() => undefined, logFailure('Poll failed'));
  });
  startSelectionMenu();
  // Alarms and badge text are not kept across a browser restart or an update.
  const resync = () => void syncIndicators().catch(logFailure('Badge update failed'));
  browser.runtime.onStartup.addListener(resync);
  browser.runtime.onInstalled.addListener(resync);
});
