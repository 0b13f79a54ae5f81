/** Column headers from their labels. */
export function HeaderCells({ labels }: { labels: readonly string[] }) {
  return labels.map((label) => (
    <th key={label} scope="col" className="p-2">
      {label}
    </th>
  ));
}
