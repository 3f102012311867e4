#include <algorithm>
#include <random>
#include <vector>

void shuffle_deck(std::vector<int>& deck, unsigned seed) {
  std::mt19937 engine(seed);
  std::shuffle(deck.begin(), deck.end(), engine);
}

double simulate_arrivals(int n) {
  std::default_random_engine gen(42);
  std::exponential_distribution<double> wait(1.5);
  double total = 0;
  for (int i = 0; i < n; ++i) {
    total += wait(gen);
  }
  return total;
}
