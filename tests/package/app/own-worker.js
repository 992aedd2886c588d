// The app's own module worker, importing precis from the package.
import { summarize } from 'precis-summarizer';

self.onmessage = async (event) => {
  try {
    self.postMessage((await summarize(event.data, { sentences: 3 })).summary);
  } catch (error) {
    self.postMessage(`error: ${error?.name}: ${error?.message}`);
  }
};
