export function App() {
  return (
    <main>
      <h1>Payfect Quick Links</h1>
    </main>
  );
}
