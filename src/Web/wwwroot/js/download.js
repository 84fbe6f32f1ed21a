// Hands bytes the app fetched (with its bearer token) to the browser as a file to save: a link to a blob URL of
// this page's own origin, clicked once and then released. Nothing is loaded from elsewhere.
export async function download(fileName, contentType, streamReference) {
  const blob = new Blob([await streamReference.arrayBuffer()], { type: contentType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
