export function App() {
  return (
    <main>
      <h1>Settings</h1>
    </main>
  );
}
