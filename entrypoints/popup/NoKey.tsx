import { openSettings } from '../../utils/navigation.ts';

export function NoKey() {
  return (
    <section className="empty-state" aria-labelledby="no-key-title">
      <h2 id="no-key-title">Connect your Payfect account</h2>
      <p>Add your Payfect API key to start.</p>
      <p className="muted">
        The key stays in this browser and is only ever sent to the Payfect API.
      </p>
      <button type="button" className="button button--primary" onClick={openSettings} autoFocus>
        Open settings
      </button>
    </section>
  );
}
