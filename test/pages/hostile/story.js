// The on-topic paragraphs every hostile page reuses, and a helper that writes them as <p>
// elements (text nodes only) into any parent: the document, a shadow root, a frame.
window.STORY = [
  'The state oil company Rosneft has lent Caracas billions of dollars to be repaid in crude, and Rostec, the state defence conglomerate, has sold Venezuela fighter jets and air-defence systems.',
  "In a phone call broadcast on state television, Vladimir Putin told Nicolás Maduro he had Russia's support against the opposition leader Juan Guaidó and warned against outside interference.",
  'Secretary of State Mike Pompeo then spoke by phone with his Russian counterpart, Sergei Lavrov, about the Russian military personnel who had landed in Caracas in March 2019.',
];
window.writeStory = (parent, indexes) => {
  const doc = parent.ownerDocument ?? parent;
  for (const index of indexes ?? [0, 1, 2]) {
    const p = doc.createElement('p');
    p.textContent = window.STORY[index];
    parent.append(p);
  }
};
