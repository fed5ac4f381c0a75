export default defineBackground(() => {
  // Wired up by the create issue: checkouts, status polling, badge.
});
